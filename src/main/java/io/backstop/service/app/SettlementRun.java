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
import io.backstop.vault.oracle.PriceObservation;
import io.backstop.vault.quote.Position;
import io.backstop.vault.settlement.SettlementReport;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Settles expired series at the time-weighted oracle price of their window, each in its own transaction under the
 * vault's lock, so a series settles exactly once however many instances run this; the engine pays every
 * in-the-money holder out at once. A series without a settlement price stays pending with its reason (and one
 * event per new reason).
 */
@ApplicationScoped
public class SettlementRun {

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

    /** Inside a transaction: settles one series if it is still unsettled under the lock (else null). */
    private Uni<Attempt> settle(String vaultId, String seriesId) {
        Instant now = clock.now();
        return books.lock(vaultId).chain(row -> SeriesRecord.<SeriesRecord>findById(
                new SeriesRecord.Key(vaultId, seriesId)).chain(seriesRow -> {
                    if (seriesRow.settlementPrice != null) {
                        return Uni.createFrom().nullItem();
                    }
                    VaultState vault = Aggregates.vault(row);
                    SeriesBook book = Aggregates.seriesBook(vault, seriesRow);
                    Instant from = OraclePrices.settlementInputsFrom(seriesRow.expiry, books.limits());
                    return OraclePriceRecord.<OraclePriceRecord>list(
                            "underlying = ?1 and observedAt >= ?2 and observedAt <= ?3 order by observedAt",
                            vault.underlying(), from, seriesRow.expiry).chain(prices -> {
                                List<PriceObservation> observed = prices.stream().map(Aggregates::observation)
                                        .toList();
                                Outcome<Amount> price = OraclePrices.settlementPrice(observed, seriesRow.expiry,
                                        books.limits());
                                if (!price.isAccepted()) {
                                    return pending(seriesRow, vault, price.rejection().detail(), now);
                                }
                                return settleAt(row, vault, seriesRow, book, price.result(), now);
                            });
                }));
    }

    private Uni<Attempt> pending(SeriesRecord row, VaultState vault, String reason, Instant now) {
        Attempt attempt = new Attempt(vault.id(), row.id, null, reason);
        if (reason.equals(row.pendingReason)) {
            return Uni.createFrom().item(attempt);
        }
        row.pendingReason = reason;
        return books.append(List.of(), List.of(new VaultEvent.SettlementPending(vault.id(), now, row.id, reason)))
                .replaceWith(attempt);
    }

    private Uni<Attempt> settleAt(VaultRecord row, VaultState vault, SeriesRecord seriesRow, SeriesBook book,
            Amount price, Instant now) {
        return books.unsettled(vault).chain(unsettled -> PositionRecord.<PositionRecord>list(
                "vault = ?1 and series = ?2 order by id", vault.id(), book.id()).chain(positionRows -> {
                    // Other series are valued at the settlement price: the freshest consensus price there is.
                    List<SeriesBook> others = unsettled.stream().filter(b -> !b.id().equals(book.id())).toList();
                    Valuation othersValue = Valuation.of(others, MarketSnapshot.at(price.toDouble()),
                            vault.parameters(), now);
                    List<Position> positions = positionRows.stream().map(Aggregates::position).toList();
                    Outcome<VaultEngine.SettlementResult> settled = VaultEngine.settleAndPayOut(vault, book,
                            positions, price, othersValue, now);
                    VaultEngine.SettlementResult result = VaultBooks.accepted(settled);
                    for (int i = 0; i < result.positions().size(); i++) {
                        Aggregates.write(result.positions().get(i), positionRows.get(i));
                    }
                    Aggregates.write(result.series(), seriesRow);
                    seriesRow.pendingReason = null;
                    SettlementReport report = result.report();
                    return settlementRecord(vault.id(), report, now).persist()
                            .chain(() -> books.record(row, result.vault(), settled))
                            .replaceWith(new Attempt(vault.id(), book.id(), report, null));
                }));
    }

    private static SettlementRecord settlementRecord(String vault, SettlementReport r, Instant now) {
        SettlementRecord s = new SettlementRecord();
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
