package io.backstop.service.app;

import io.backstop.service.BackstopConfig;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.OraclePriceRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.oracle.PriceObservation;
import io.backstop.vault.simulation.market.JumpDiffusion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Local mode's simulated oracle: driftless GBM (the simulator's own model) for every vault's underlying, one price
 * per tick. When the clock has jumped, it first fills the skipped time with a path at one-minute spacing (at most
 * the last three days), as a live oracle would have reported it, so that settlement windows in the gap have
 * prices. Ticks go through the oracle rules like any report.
 */
@ApplicationScoped
public class PriceFeed {

    private static final Duration SPACING = Duration.ofMinutes(1);
    private static final int MAX_BACKFILL = 3 * 24 * 60;

    private final ProtocolCommands commands;
    private final VaultBooks books;
    private final ServiceClock clock;
    private final BackstopConfig config;
    private final CommandTransaction transaction;
    private final UniformRandomProvider rng = new XoShiRo256PlusPlus(new long[] {7, 11, 13, 17});
    private final NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);

    public PriceFeed(ProtocolCommands commands, VaultBooks books, ServiceClock clock, BackstopConfig config,
            CommandTransaction transaction) {
        this.commands = commands;
        this.books = books;
        this.clock = clock;
        this.config = config;
        this.transaction = transaction;
    }

    /** One tick for every underlying with a vault. */
    public Uni<Void> tick() {
        return Panache.withSession(VaultRecord::underlyings)
                .onItem().transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate(this::step)
                .collect().last().replaceWithVoid();
    }

    /**
     * The skipped time filled in a transaction of its own, then the next price reported like any oracle's, which
     * reprices the vaults on the underlying in their own transactions after it.
     */
    private Uni<Void> step(String underlying) {
        Instant now = clock.now();
        return transaction.run(() -> backfill(underlying, now))
                .chain(next -> next == null ? Uni.createFrom().voidItem()
                        : commands.postPrice(underlying, next, now).replaceWithVoid());
    }

    /** Fills the time since the last price, if any, and gives the price to report now (null without a last). */
    private Uni<Amount> backfill(String underlying, Instant now) {
        return books.lastPrice(underlying).chain(last -> {
            if (last == null) {
                return Uni.createFrom().nullItem();
            }
            Duration gap = Duration.between(last.at(), now);
            long steps = Math.min(gap.toMillis() / SPACING.toMillis(), MAX_BACKFILL);
            Instant from = now.minus(SPACING.multipliedBy(steps));
            double[] path = path(last.price().toDouble(), (int) steps + 1,
                    SPACING.toMillis() / (365.0 * 86_400_000));
            List<OraclePriceRecord> backfill = new ArrayList<>();
            for (int i = 1; i < steps; i++) {
                Instant at = from.plus(SPACING.multipliedBy(i));
                if (at.isAfter(last.at())) {
                    backfill.add(row(underlying, path[i], at, now));
                }
            }
            Uni<Void> filled = backfill.isEmpty() ? Uni.createFrom().voidItem()
                    : OraclePriceRecord.persist(backfill);
            double nextPrice = steps > 0 ? path[(int) steps]
                    : path(path[0], 2, gap.toMillis() / (365.0 * 86_400_000))[1];
            Amount next = Amount.of(nextPrice, Rounding.DOWN);
            return filled.replaceWith(next);
        });
    }

    private double[] path(double spot, int points, double dtYears) {
        double[] path = new double[Math.max(points, 2)];
        JumpDiffusion.geometricBrownianMotion(spot, 0, config.feed().volatility()).fill(path, dtYears, rng, normal);
        return path;
    }

    private static OraclePriceRecord row(String underlying, double price, Instant at, Instant now) {
        return Aggregates.record(underlying, new PriceObservation(at, Amount.of(price, Rounding.DOWN)), now);
    }
}
