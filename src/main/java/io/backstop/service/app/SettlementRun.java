package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.OraclePriceRecord;
import io.backstop.service.store.PositionRecord;
import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.SettlementRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Outcome;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultEvent;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.oracle.OraclePrices;
import io.backstop.vault.oracle.PriceRange;
import io.backstop.vault.quote.Position;
import io.backstop.vault.settlement.SettlementReport;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Settles expired series at the time-weighted oracle price of their window, each in its own transaction under the
 * vault's lock, so a series settles exactly once however many instances run this; the engine pays every
 * in-the-money holder out at once. A series without a settlement price stays pending with its reason (and one
 * event per new reason).
 */
@ApplicationScoped
public class SettlementRun {

    private static final Logger LOG = Logger.getLogger(SettlementRun.class);

    /** How one series ended: settled with a report, or still pending with the reason. */
    public record Attempt(String vault, String series, SettlementReport report, String pendingReason) {
    }

    private final VaultBooks books;
    private final ServiceClock clock;
    private final CommandTransaction transaction;

    public SettlementRun(VaultBooks books, ServiceClock clock, CommandTransaction transaction) {
        this.books = books;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Tries every expired, unsettled series of every vault (or of one vault, if given). */
    public Uni<List<Attempt>> settleDue(String onlyVault) {
        Instant now = clock.now();
        return Panache.withSession(() -> SeriesRecord.due(now, onlyVault))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> transaction.run(() -> settle(row.vault, row.id)))
                .collect().asList()
                .map(list -> list.stream().filter(a -> a != null).toList());
    }

    /** The operator's retry for one vault: 404 if there is no such vault, else its due series tried now. */
    public Uni<List<Attempt>> retry(String vaultId) {
        return Panache.withSession(() -> books.read(vaultId)).chain(() -> settleDue(vaultId));
    }

    /** Inside a transaction: settles one series if it is still unsettled under the lock (else null). */
    private Uni<Attempt> settle(String vaultId, String seriesId) {
        Instant now = clock.now();
        return books.lock(vaultId)
                .chain(row -> SeriesRecord.<SeriesRecord>findById(new SeriesRecord.Key(vaultId, seriesId))
                        .map(seriesRow -> new Expired(row, Aggregates.vault(row), seriesRow)))
                .chain(expired -> expired.settled() ? Uni.createFrom().nullItem() : priceAndSettle(expired, now));
    }

    /** An expired series under the vault's lock. */
    private record Expired(VaultRecord row, VaultState vault, SeriesRecord seriesRow) {

        boolean settled() {
            return seriesRow.settlementPrice != null;
        }

        SeriesBook book() {
            return Aggregates.seriesBook(vault, seriesRow);
        }
    }

    private Uni<Attempt> priceAndSettle(Expired expired, Instant now) {
        Instant expiry = expired.seriesRow().expiry;
        Instant from = OraclePrices.settlementInputsFrom(expiry, books.limits());
        return OraclePriceRecord.observedBetween(expired.vault().underlying(), from, expiry)
                .map(prices -> OraclePrices.settlementPrice(prices.stream().map(Aggregates::observation).toList(),
                        expiry, books.limits()))
                .chain(price -> price.isAccepted() ? settleAt(expired, price.result(), now)
                        : pending(expired, price.rejection().detail(), now));
    }

    private Uni<Attempt> pending(Expired expired, String reason, Instant now) {
        SeriesRecord row = expired.seriesRow();
        Attempt attempt = new Attempt(expired.vault().id(), row.id, null, reason);
        if (reason.equals(row.pendingReason)) {
            return Uni.createFrom().item(attempt);
        }
        row.pendingReason = reason;
        return books.append(List.of(), List.of(new VaultEvent.SettlementPending(expired.vault().id(), now, row.id,
                reason))).replaceWith(attempt);
    }

    private Uni<Attempt> settleAt(Expired expired, Amount price, Instant now) {
        return settleWith(expired, price, now, null, (positions, others) -> VaultEngine.settleAndPayOut(
                expired.vault(), expired.book(), positions, price, others, now));
    }

    /**
     * An operator settles a series the oracle could not price, at {@code price} with a reason, once the engine's
     * grace period after expiry has passed: bounded by the oracle's accepted prices around expiry, in a transaction
     * of its own under the vault's lock. 404 if the vault or the series does not exist.
     */
    public Uni<Attempt> force(String vaultId, String seriesId, Amount price, String reason, String actor) {
        Instant now = clock.now();
        return transaction.run(() -> books.lock(vaultId)
                .chain(row -> SeriesRecord.<SeriesRecord>findById(new SeriesRecord.Key(vaultId, seriesId))
                        .onItem().ifNull().failWith(() -> CommandRefused.of(Refusal.NOT_FOUND, "no series '"
                                + seriesId + "' in vault '" + vaultId + "'"))
                        .map(seriesRow -> new Expired(row, Aggregates.vault(row), seriesRow)))
                .chain(expired -> OraclePriceRecord.aroundExpiry(expired.vault().underlying(),
                        expired.seriesRow().expiry).chain(around -> {
                            PriceRange accepted = PriceRange.spanning(around.stream().map(Aggregates::observation)
                                    .toList());
                            return settleWith(expired, price, now, new Forced(actor, reason),
                                    (positions, others) -> VaultEngine.forceSettle(expired.vault(), expired.book(),
                                            positions, price, accepted, actor, reason, others, now));
                        })));
    }

    /** Who set a settlement price by hand, and why. */
    private record Forced(String actor, String reason) {
    }

    private Uni<Attempt> settleWith(Expired expired, Amount price, Instant now, Forced forced,
            BiFunction<List<Position>, Valuation, Outcome<VaultEngine.SettlementResult>> engine) {
        VaultState vault = expired.vault();
        SeriesBook book = expired.book();
        long started = System.nanoTime();
        return books.unsettled(vault)
                .chain(unsettled -> PositionRecord.ofSeries(vault.id(), book.id())
                        .map(positions -> payOut(expired, book, unsettled, positions, price, now, engine)))
                .chain(paid -> settlementRecord(vault.id(), paid.report(), now, forced).persist()
                        .chain(() -> PositionRecord.recordPayouts(vault.id(), book.id(), paid.positions()))
                        .chain(() -> books.record(expired.row(), paid.vault(), paid.outcome()))
                        .invoke(() -> LOG.infof("settled %s/%s at %s%s: %d positions written in %d ms", vault.id(),
                                book.id(), price, forced == null ? "" : " (set by " + forced.actor() + ")",
                                paid.positions().size(), (System.nanoTime() - started) / 1_000_000))
                        .replaceWith(new Attempt(vault.id(), book.id(), paid.report(), null)));
    }

    /** The engine's settlement of a series, written onto the rows it changed. */
    private record Paid(Outcome<VaultEngine.SettlementResult> outcome, VaultState vault, SettlementReport report,
            List<Position> positions) {
    }

    private static Paid payOut(Expired expired, SeriesBook book, List<SeriesBook> unsettled,
            List<Position> positions, Amount price, Instant now,
            BiFunction<List<Position>, Valuation, Outcome<VaultEngine.SettlementResult>> engine) {
        VaultState vault = expired.vault();
        // Other series are valued at the settlement price: the freshest consensus price there is.
        List<SeriesBook> others = unsettled.stream().filter(b -> !b.id().equals(book.id())).toList();
        Valuation othersValue = Valuation.of(others, MarketSnapshot.at(price.toDouble()), vault.parameters(), now);
        Outcome<VaultEngine.SettlementResult> settled = engine.apply(positions, othersValue);
        VaultEngine.SettlementResult result = VaultBooks.accepted(settled);
        Aggregates.write(result.series(), expired.seriesRow());
        expired.seriesRow().pendingReason = null;
        return new Paid(settled, result.vault(), result.report(), result.positions());
    }

    private static SettlementRecord settlementRecord(String vault, SettlementReport r, Instant now, Forced forced) {
        SettlementRecord s = new SettlementRecord();
        s.forcedBy = forced == null ? null : forced.actor();
        s.forcedReason = forced == null ? null : forced.reason();
        s.vault = vault;
        s.series = r.series();
        s.price = r.settlementPrice().units();
        s.claims = r.claims().units();
        s.paid = r.paid().units();
        s.fromLocked = r.fromLocked().units();
        s.fromLpCapital = r.fromLpCapital().units();
        s.fromBuffer = r.fromBuffer().units();
        s.socialisedLoss = r.socialisedLoss().units();
        s.payoutRatio = r.payoutRatio();
        s.settledAt = now;
        return s;
    }
}
