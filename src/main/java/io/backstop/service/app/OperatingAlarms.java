package io.backstop.service.app;

import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.oracle.OraclePrices;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The books' alarms, at {@code /q/health/group/alarms} and as metrics: an expired series waiting for settlement, an
 * underlying whose last oracle price is too old to trade on. They are facts about the shared books, the same on
 * every instance, so they are not readiness: readiness says only whether this instance can serve (the database is
 * reachable; the schema is migrated before the HTTP server opens), and a Kubernetes Service must not take every pod
 * out at once because one oracle is late. Metrics: {@code backstop_settlements_pending} and
 * {@code backstop_oracle_price_age_seconds{underlying}} (-1 while an underlying has no price).
 */
@ApplicationScoped
public class OperatingAlarms {

    /** The health group's name: {@code /q/health/group/alarms}. */
    public static final String GROUP = "alarms";

    private final VaultBooks books;
    private final ServiceClock clock;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final Map<String, Double> priceAge = new ConcurrentHashMap<>();

    public OperatingAlarms(VaultBooks books, ServiceClock clock, MeterRegistry registry) {
        this.books = books;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("backstop.settlements.pending", pending, AtomicLong::get)
                .description("expired series waiting for settlement").register(registry);
    }

    /** The alarms as a health check response: DOWN while any alarm is raised, with the details as data. */
    public Uni<HealthCheckResponse> check() {
        return Panache.withSession(this::assess).map(HealthCheckResponseBuilder::build);
    }

    /** Re-reads the alarms for the metrics; the background timer calls it. */
    public Uni<Void> refresh() {
        return Panache.withSession(this::assess).replaceWithVoid();
    }

    private Uni<HealthCheckResponseBuilder> assess() {
        Instant now = clock.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("vaults").up();
        return SeriesRecord.due(now, null)
                .invoke(due -> {
                    pending.set(due.size());
                    response.withData("pendingSettlements", due.size());
                    if (!due.isEmpty()) {
                        response.down().withData("oldestPending", due.get(0).vault + "/" + due.get(0).id);
                    }
                })
                .chain(VaultRecord::underlyings)
                .onItem().transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate(underlying -> books.lastPrice(underlying).invoke(last -> {
                    response.withData("oracle." + underlying, last == null ? "none" : last.at().toString());
                    age(underlying, last == null ? -1 : Duration.between(last.at(), now).toMillis() / 1000.0);
                    // Fresh enough to trade on, by the oracle rules' own test.
                    if (!OraclePrices.spot(last, now, books.limits()).isAccepted()) {
                        response.down();
                    }
                })).collect().asList()
                .replaceWith(response);
    }

    private void age(String underlying, double seconds) {
        if (priceAge.put(underlying, seconds) == null) {
            Gauge.builder("backstop.oracle.price.age", priceAge, m -> m.getOrDefault(underlying, -1.0))
                    .tag("underlying", underlying).baseUnit("seconds")
                    .description("age of the underlying's last accepted oracle price").register(registry);
        }
    }

    /** The alarms as the {@value #GROUP} health group. */
    @HealthGroup(GROUP)
    @ApplicationScoped
    static class Check implements AsyncHealthCheck {

        private final OperatingAlarms alarms;

        Check(OperatingAlarms alarms) {
            this.alarms = alarms;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return alarms.check();
        }
    }
}
