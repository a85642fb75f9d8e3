package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.VaultState;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.oracle.PriceObservation;
import io.backstop.vault.risk.RepricingTrigger;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The market moves the risk ladder, not only trades: each accepted oracle price reprices the books of the vaults on
 * its underlying on the stress grid at the new spot (when the engine's {@link RepricingTrigger} says it is due),
 * recomputes coverage and moves the band, with its {@code RiskLevelChanged} event, in each vault's own transaction
 * under its lock. The time and spot of the last repricing are kept on the vault's row, so every instance throttles
 * alike.
 */
@ApplicationScoped
public class RiskRepricing {

    private static final Logger LOG = Logger.getLogger(RiskRepricing.class);

    private final VaultBooks books;
    private final CommandTransaction transaction;
    private final MeterRegistry registry;

    public RiskRepricing(VaultBooks books, CommandTransaction transaction, MeterRegistry registry) {
        this.books = books;
        this.transaction = transaction;
        this.registry = registry;
    }

    /**
     * Reprices every vault on {@code underlying} at an accepted {@code price}, each in a transaction of its own. A
     * vault that fails is logged and counted and left for the next price: the price itself stands.
     */
    public Uni<Void> afterPrice(String underlying, PriceObservation price, Instant now) {
        return Panache.withSession(() -> VaultRecord.idsOn(underlying))
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> transaction.run(() -> reprice(id, price, now))
                        .onFailure().recoverWithItem(failure -> {
                            registry.counter("backstop.risk.repricing.failures", "vault", id).increment();
                            LOG.warnf("repricing %s at %s failed, left for the next price: %s", id, price.price(),
                                    failure.toString());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> reprice(String vaultId, PriceObservation price, Instant now) {
        return books.lock(vaultId).chain(row -> {
            VaultState vault = Aggregates.vault(row);
            double spot = price.price().toDouble();
            Double last = row.riskAssessedSpot == null ? null : Amount.ofUnits(row.riskAssessedSpot).toDouble();
            if (!RepricingTrigger.isDue(vault.parameters(), row.riskAssessedAt, last, now, spot)) {
                return Uni.createFrom().voidItem();
            }
            row.riskAssessedAt = now;
            row.riskAssessedSpot = price.price().units();
            return books.reassess(row, MarketSnapshot.at(spot), null, now).replaceWithVoid()
                    .invoke(() -> registry.counter("backstop.risk.repricings", "vault", vaultId).increment());
        });
    }
}
