package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.BuybackRecord;
import io.backstop.service.store.PayoutRecord;
import io.backstop.service.store.PositionRecord;
import io.backstop.service.store.QuoteRecord;
import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Outcome;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.Bid;
import io.backstop.vault.quote.Position;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Selling to close: the pool's bid for a holder's contracts, and the buyback that takes a bid or sells at the bid
 * now, each in a transaction of its own. A bid, like a quote, takes no lock; a buyback runs under its vault's lock,
 * admitted to the vault like a trade.
 */
@ApplicationScoped
public class BuybackCommands {

    private final VaultBooks books;
    private final ServiceClock clock;
    private final CommandTransaction transaction;
    private final Idempotency idempotency;
    private final QuoteNumbers quoteNumbers;
    private final VaultAdmission admission;

    public BuybackCommands(VaultBooks books, ServiceClock clock, CommandTransaction transaction,
            Idempotency idempotency, QuoteNumbers quoteNumbers, VaultAdmission admission) {
        this.books = books;
        this.clock = clock;
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.quoteNumbers = quoteNumbers;
        this.admission = admission;
    }

    /**
     * The pool's bid for a quantity of the holder's position, stored as a quote made to them; refused for what
     * its taking would be refused for now (404 for a position that does not exist).
     */
    public Uni<Bid> bid(String holder, String positionId, Quantity quantity) {
        Instant now = clock.now();
        return transaction.run(() -> PositionRecord.<PositionRecord>findById(positionId)
                .onItem().ifNull().failWith(() -> noPosition(positionId))
                .chain(row -> books.read(row.vault).chain(vaultRow -> held(Aggregates.vault(vaultRow), row, now)))
                .chain(held -> quoteNumbers.next().map(number -> VaultEngine.bid(held.vault(), held.book(),
                        held.position(), quantity, holder, held.market(), now, number)))
                .chain(outcome -> {
                    Bid bid = VaultBooks.accepted(outcome);
                    return Aggregates.record(bid).persist()
                            .chain(() -> books.append(outcome.journal(), outcome.events())).replaceWith(bid);
                }));
    }

    /**
     * The holder sells contracts back, once per idempotency key: taking a bid ({@code bidId}, the bid's quantity),
     * or at the bid now ({@code quantity}), if the proceeds are at least {@code minProceeds} (null: any).
     *
     * @param answer what the client is told of the sale, stored for repeats of the request
     */
    public Uni<Idempotency.Answer> sellBack(Idempotency.Request request, String positionId, String bidId,
            Quantity quantity, Amount minProceeds, Function<VaultEngine.BuybackResult, ?> answer) {
        String holder = request.subject();
        return transaction.run(() -> PositionRecord.vaultOf(positionId))
                .onItem().ifNull().failWith(() -> noPosition(positionId))
                .chain(vaultId -> admission.admit(vaultId, () -> idempotency.once(request,
                        new Object[] {"sell-back", positionId, bidId, quantity, minProceeds},
                        () -> sellBackNow(vaultId, holder, positionId, bidId, quantity, minProceeds).map(answer))));
    }

    private Uni<VaultEngine.BuybackResult> sellBackNow(String vaultId, String holder, String positionId,
            String bidId, Quantity quantity, Amount minProceeds) {
        Instant now = clock.now();
        // The position is read after the vault's lock: its quantity is what the last buyback or settlement left.
        return books.lock(vaultId).chain(vaultRow -> PositionRecord.<PositionRecord>findById(positionId)
                .chain(row -> held(Aggregates.vault(vaultRow), row, now))
                .chain(held -> bidRow(bidId, held).chain(bidRow -> books.unsettled(held.vault()).chain(series -> {
                    List<SeriesBook> others = series.stream().filter(b -> !b.id().equals(held.book().id())).toList();
                    Valuation othersValue = Valuation.of(others, held.market(), held.vault().parameters(), now);
                    Outcome<VaultEngine.BuybackResult> outcome = bidRow == null
                            ? VaultEngine.sellBackAtMarket(held.vault(), held.book(), held.position(), quantity,
                                    minProceeds, holder, held.market(), othersValue, now)
                            : VaultEngine.sellBack(held.vault(), held.book(), held.position(),
                                    Aggregates.bid(held.vault(), bidRow), minProceeds, holder, held.market(),
                                    othersValue, now);
                    VaultEngine.BuybackResult result = VaultBooks.accepted(outcome);
                    if (bidRow != null) {
                        bidRow.taken = true;
                    }
                    return store(vaultRow, held, result, outcome, now);
                }))));
    }

    /** A position with what a bid or a buyback needs: its vault, its series' book and the market now. */
    private record Held(VaultState vault, PositionRecord row, Position position, SeriesRecord seriesRow,
            SeriesBook book, MarketSnapshot market) {
    }

    private Uni<Held> held(VaultState vault, PositionRecord row, Instant now) {
        return PayoutRecord.<PayoutRecord>findById(row.id).chain(payout -> SeriesRecord.<SeriesRecord>findById(
                new SeriesRecord.Key(row.vault, row.series)).chain(seriesRow -> books.market(vault, now)
                        .map(market -> new Held(vault, row, Aggregates.position(row, payout), seriesRow,
                                Aggregates.seriesBook(vault, seriesRow), market))));
    }

    /** The bid being taken, null at market; 404 unless it is a bid for this position. */
    private static Uni<QuoteRecord> bidRow(String bidId, Held held) {
        if (bidId == null) {
            return Uni.createFrom().nullItem();
        }
        return QuoteRecord.<QuoteRecord>findById(bidId).map(row -> {
            if (row == null || row.position == null || !row.vault.equals(held.vault().id())) {
                throw CommandRefused.of(Refusal.NOT_FOUND, "no bid '" + bidId + "' for position '"
                        + held.row().id + "'");
            }
            return row;
        });
    }

    /** A buyback's rows: the position and the series' book after, the buyback itself, the vault and its books. */
    private Uni<VaultEngine.BuybackResult> store(VaultRecord vaultRow, Held held, VaultEngine.BuybackResult result,
            Outcome<VaultEngine.BuybackResult> outcome, Instant now) {
        held.row().quantity = result.position().quantity().units();
        held.row().premium = result.position().premium().units();
        Aggregates.write(result.series(), held.seriesRow());
        BuybackRecord buyback = new BuybackRecord();
        buyback.id = result.tradeId();
        buyback.vault = vaultRow.id;
        buyback.owner = held.row().owner;
        buyback.position = held.row().id;
        buyback.series = held.row().series;
        buyback.quantity = result.quantity().units();
        buyback.proceeds = result.sale().proceeds().units();
        buyback.fees = result.sale().fees().units();
        buyback.released = held.book().locked().minus(result.series().locked()).units();
        buyback.bid = result.bid() == null ? null : result.bid().id();
        buyback.at = now;
        return buyback.persist().chain(() -> books.record(vaultRow, result.vault(), outcome)).replaceWith(result);
    }

    private static CommandRefused noPosition(String positionId) {
        return CommandRefused.of(Refusal.NOT_FOUND, "no position '" + positionId + "'");
    }
}
