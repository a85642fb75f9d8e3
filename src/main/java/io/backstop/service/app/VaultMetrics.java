package io.backstop.service.app;

import io.backstop.service.store.VaultRecord;
import io.backstop.vault.VaultState;
import io.backstop.vault.risk.BookGreeks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-vault metrics at {@code /q/metrics}: NAV, buffer balance, coverage and the book's net delta, gamma, vega and
 * theta (the pool's, short) as gauges read from the database every
 * few seconds (so every instance reports the same books), and premium and contract volume counters of the trades
 * this instance booked.
 */
@ApplicationScoped
public class VaultMetrics {

    private final MeterRegistry registry;
    private final VaultViews views;
    private final Map<String, double[]> latest = new ConcurrentHashMap<>();

    public VaultMetrics(MeterRegistry registry, VaultViews views) {
        this.registry = registry;
        this.views = views;
    }

    /** Counts a trade's premium and contracts. */
    public void traded(String vault, double premium, double contracts) {
        registry.counter("backstop.premiums", "vault", vault).increment(premium);
        registry.counter("backstop.volume.contracts", "vault", vault).increment(contracts);
    }

    /** Re-reads every vault's NAV, buffer and coverage. */
    public Uni<Void> refresh() {
        return Panache.withSession(() -> VaultRecord.<VaultRecord>listAll()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(views::valued)
                .invoke(v -> record(v.vault(), v.nav().toDouble(), VaultViews.greeks(v)))
                .collect().last()).replaceWithVoid();
    }

    private void record(VaultState vault, double nav, BookGreeks greeks) {
        double coverage = vault.coverage().ratio();
        double[] values = {nav, vault.balances().buffer().toDouble(), Double.isFinite(coverage) ? coverage : -1,
            greeks.delta(), greeks.gamma(), greeks.vega(), greeks.theta()};
        if (latest.put(vault.id(), values) == null) {
            gauge("backstop.vault.nav", vault.id(), 0);
            gauge("backstop.buffer.balance", vault.id(), 1);
            gauge("backstop.buffer.coverage", vault.id(), 2);
            gauge("backstop.book.delta", vault.id(), 3);
            gauge("backstop.book.gamma", vault.id(), 4);
            gauge("backstop.book.vega", vault.id(), 5);
            gauge("backstop.book.theta", vault.id(), 6);
        }
    }

    private void gauge(String name, String vault, int index) {
        Gauge.builder(name, latest, m -> m.getOrDefault(vault, new double[VALUES])[index]).tag("vault", vault)
                .register(registry);
    }

    /** NAV, buffer, coverage, and the book's delta, gamma, vega and theta. */
    private static final int VALUES = 7;
}
