package io.backstop.service.app;

import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.oracle.OraclePrices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness beyond the database (which Quarkus checks itself): every vault's underlying has a fresh oracle price,
 * and no expired series is waiting for settlement. Either failing makes the instance not ready and says why.
 */
@Readiness
@ApplicationScoped
public class ServiceReadiness implements AsyncHealthCheck {

    private final VaultBooks books;
    private final ServiceClock clock;

    public ServiceReadiness(VaultBooks books, ServiceClock clock) {
        this.books = books;
        this.clock = clock;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Instant now = clock.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("vaults").up();
        return Panache.withSession(() -> SeriesRecord.due(now, null)
                .invoke(pending -> {
                    response.withData("pendingSettlements", pending.size());
                    if (!pending.isEmpty()) {
                        response.down().withData("oldestPending", pending.get(0).vault + "/" + pending.get(0).id);
                    }
                })
                .chain(VaultRecord::underlyings)
                .onItem().transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate(underlying -> books.lastPrice(underlying).invoke(last -> {
                    response.withData("oracle." + underlying, last == null ? "none" : last.at().toString());
                    // Fresh enough to trade on, by the oracle rules' own test.
                    if (!OraclePrices.spot(last, now, books.limits()).isAccepted()) {
                        response.down();
                    }
                })).collect().asList())
                .map(ignored -> response.build());
    }
}
