package io.backstop.vault;

import io.backstop.vault.VaultEngine.BuybackResult;
import io.backstop.vault.VaultEngine.QueueResult;
import io.backstop.vault.buffer.InsuranceBuffer;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.Parameter;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.Bid;
import io.backstop.vault.quote.BidBreakdown;
import io.backstop.vault.quote.BidSchedule;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.Pricing;
import io.backstop.vault.quote.SeriesMark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Selling to close: the pool's bid for contracts a holder sells back before the trading cutoff, and the buyback
 * that pays the proceeds out of LP capital, sends the fees to the buffer and the treasury and releases the
 * collateral the contracts no longer need. A buyback lowers the pool's risk, so it is allowed while new sales are
 * halted; it needs only that LP capital, with what it releases, can pay the bid.
 */
final class OptionBuyback {

    private OptionBuyback() {
    }

    /** See {@link VaultEngine#bid}. */
    static Outcome<Bid> bid(VaultState vault, SeriesBook book, Position position, Quantity quantity, String holder,
            MarketSnapshot market, Instant now, long number) {
        Optional<Rejection> unsellable = checkSellable(vault, book, position, quantity, holder, now);
        if (unsellable.isPresent()) {
            return Outcome.rejected(unsellable.get());
        }
        BidBreakdown breakdown = price(vault, mark(vault, book, market, now), quantity);
        Optional<Rejection> unpayable = checkPayable(vault, book, quantity, breakdown);
        if (unpayable.isPresent()) {
            return Outcome.rejected(unpayable.get());
        }
        VaultParameters p = vault.parameters();
        Bid bid = new Bid(vault.id() + "-b" + number, vault.id(), holder, position.id(), book.series(), quantity,
                breakdown, p.version(), now, now.plus(p.quoteValidity()), false);
        return new Outcome.Accepted<>(bid, List.of(new VaultEvent.BidIssued(vault.id(), now, bid.id(),
                position.id(), book.id(), quantity, bid.proceeds(), bid.validUntil())), List.of());
    }

    /** See {@link VaultEngine#sellBack}. */
    static Outcome<BuybackResult> sellBack(VaultState vault, SeriesBook book, Position position, Bid bid,
            Amount minProceeds, String holder, MarketSnapshot market, Valuation others, Instant now) {
        if (!bid.vault().equals(vault.id()) || !bid.position().equals(position.id())) {
            return Outcome.rejected(RejectionCode.STALE_QUOTE, "bid " + bid.id() + " is for position "
                    + bid.position() + " of vault " + bid.vault());
        }
        if (!bid.owner().equals(holder)) {
            return Outcome.rejected(RejectionCode.QUOTE_NOT_YOURS, "bid '" + bid.id() + "' was made to another "
                    + "holder");
        }
        if (bid.taken()) {
            return Outcome.rejected(RejectionCode.QUOTE_TAKEN, "bid '" + bid.id() + "' has already been taken");
        }
        if (now.isAfter(bid.validUntil())) {
            return Outcome.rejected(RejectionCode.STALE_QUOTE, "bid " + bid.id() + " expired at " + bid.validUntil());
        }
        Optional<String> moved = OptionSale.movedSince(vault.parameters(), bid.breakdown().spot(),
                bid.parametersVersion(), market);
        if (moved.isPresent()) {
            Optional<Rejection> unsellable = checkSellable(vault, book, position, bid.quantity(), holder, now);
            String instead = unsellable.map(r -> "a fresh bid would be refused: " + r.detail())
                    .orElseGet(() -> "a fresh bid pays " + price(vault, mark(vault, book, market, now),
                            bid.quantity()).proceeds());
            return Outcome.rejected(RejectionCode.QUOTE_STALE_PRICE, "bid " + bid.id() + " no longer binds: "
                    + moved.get() + "; " + instead);
        }
        return buyBack(vault, book, position, bid.quantity(), bid.breakdown(), bid, minProceeds, holder,
                mark(vault, book, market, now), others);
    }

    /** See {@link VaultEngine#sellBackAtMarket}. */
    static Outcome<BuybackResult> sellBackAtMarket(VaultState vault, SeriesBook book, Position position,
            Quantity quantity, Amount minProceeds, String holder, MarketSnapshot market, Valuation others,
            Instant now) {
        Optional<Rejection> unsellable = checkSellable(vault, book, position, quantity, holder, now);
        if (unsellable.isPresent()) {
            return Outcome.rejected(unsellable.get());
        }
        SeriesMark mark = mark(vault, book, market, now);
        return buyBack(vault, book, position, quantity, price(vault, mark, quantity), null, minProceeds, holder,
                mark, others);
    }

    /** The series' mark now: what the bid prices and what the contracts left open are worth. */
    private static SeriesMark mark(VaultState vault, SeriesBook book, MarketSnapshot market, Instant now) {
        return SeriesMark.of(book.series(), market, vault.parameters(), now);
    }

    private static BidBreakdown price(VaultState vault, SeriesMark mark, Quantity quantity) {
        return BidSchedule.price(mark, quantity, vault.riskLevel(), vault.coverage().ratio());
    }

    /**
     * What a holder's contracts must be to be sold back: the holder's, open in this vault's unsettled series, at
     * most what is held, and before the trading cutoff (the same cutoff as sales: near expiry the mark is the
     * settlement price in the making, and the oracle's window decides it).
     */
    private static Optional<Rejection> checkSellable(VaultState vault, SeriesBook book, Position position,
            Quantity quantity, String holder, Instant now) {
        if (!position.vault().equals(vault.id()) || !position.series().equals(book.id())) {
            return reject(RejectionCode.EXCEEDS_POSITION, "position " + position.id() + " is not in series "
                    + book.id() + " of vault " + vault.id());
        }
        if (!position.owner().equals(holder)) {
            return reject(RejectionCode.NOT_THE_HOLDER, "position '" + position.id() + "' is another trader's");
        }
        if (!quantity.isPositive()) {
            return reject(RejectionCode.INVALID_QUANTITY, "quantity must be positive, was " + quantity);
        }
        if (book.isSettled() || position.isSettled()) {
            return reject(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " has settled; its payout is "
                    + "the position's");
        }
        if (position.isClosed()) {
            return reject(RejectionCode.EXCEEDS_POSITION, "position " + position.id() + " was sold back whole");
        }
        if (quantity.compareTo(position.quantity()) > 0) {
            return reject(RejectionCode.EXCEEDS_POSITION, "position " + position.id() + " holds "
                    + position.quantity() + " contracts, fewer than " + quantity);
        }
        VaultParameters p = vault.parameters();
        double aheadSeconds = Pricing.secondsBetween(now, book.series().expiry());
        if (aheadSeconds < p.get(Parameter.TRADING_CUTOFF)) {
            return reject(RejectionCode.AFTER_CUTOFF, "buybacks close " + p.tradingCutoff() + " before expiry; "
                    + book.series().expiry() + " is " + (aheadSeconds < 0 ? "past"
                            : Duration.between(now, book.series().expiry()) + " away") + ": the position settles");
        }
        return Optional.empty();
    }

    /** LP free capital, with the collateral the contracts release, must pay what the LPs pay for them. */
    private static Optional<Rejection> checkPayable(VaultState vault, SeriesBook book, Quantity quantity,
            BidBreakdown bid) {
        Amount released = book.releasedBy(quantity);
        Amount free = vault.balances().lpFree().plus(released);
        return free.compareTo(bid.lpCost()) >= 0 ? Optional.empty()
                : reject(RejectionCode.INSUFFICIENT_LIQUIDITY, "the bid's cost to LP capital " + bid.lpCost()
                        + " exceeds free liquidity " + free + " (with the " + released + " the contracts release)");
    }

    /**
     * Books a buyback that passed the holder's checks: the pool's payment, the collateral released, the position
     * and the series' open interest lowered, the exposure moved by the series' stress values, the withdrawal
     * queue served from what was freed and the ladder re-read.
     */
    private static Outcome<BuybackResult> buyBack(VaultState vault, SeriesBook book, Position position,
            Quantity quantity, BidBreakdown b, Bid bid, Amount minProceeds, String holder, SeriesMark mark,
            Valuation others) {
        Instant now = mark.at();
        Optional<Rejection> unpayable = checkPayable(vault, book, quantity, b);
        if (unpayable.isPresent()) {
            return Outcome.rejected(unpayable.get());
        }
        if (minProceeds != null && b.proceeds().compareTo(minProceeds) < 0) {
            return Outcome.rejected(RejectionCode.MIN_PROCEEDS_NOT_MET, "proceeds " + b.proceeds()
                    + " are below minProceeds " + minProceeds);
        }
        Amount released = book.releasedBy(quantity);
        List<JournalEntry> journal = new ArrayList<>(2);
        if (released.isPositive()) {
            journal.add(JournalEntry.transfer(vault.id(), now, "release collateral", Account.locked(book.id()),
                    Account.LP_FREE, released));
        }
        JournalEntry.Builder payment = JournalEntry.builder(vault.id(), now, "buyback")
                .debit(Account.LP_FREE, b.lpCost())
                .credit(Account.CASH, b.proceeds())
                .credit(Account.BUFFER, b.bufferContribution())
                .credit(Account.TREASURY, b.treasury());
        if (!payment.isEmpty()) {
            journal.add(payment.build());
        }
        Balances balances = vault.balances().apply(journal);
        String tradeId = OptionSale.nextTradeId(vault);
        List<VaultEvent> events = new ArrayList<>();
        events.add(new VaultEvent.OptionBoughtBack(vault.id(), now, tradeId, holder, position.id(), book.id(),
                quantity, b.proceeds(), b.fees(), released));
        if (b.bufferContribution().isPositive()) {
            events.add(new VaultEvent.BufferFunded(vault.id(), now, b.bufferContribution(), InsuranceBuffer.FEES));
        }
        VaultState after = vault.withBook(balances, vault.exposure().plus(book.stressValues(), -quantity.toDouble()),
                vault.sequence() + 1);
        SeriesBook series = book.boughtBack(quantity, released);
        double left = series.openInterest().toDouble() * mark.valuePerContract();
        Outcome<QueueResult> queue = LiquidityProvision.serveQueue(after,
                new Valuation(others.liability() + left), now);
        events.addAll(queue.events());
        List<JournalEntry> all = new ArrayList<>(journal);
        all.addAll(queue.journal());
        return new Outcome.Accepted<>(new BuybackResult(queue.result().vault(), series, position.soldBack(quantity),
                tradeId, quantity, b, bid == null ? null : bid.asTaken(), queue.result().served()), events, all);
    }

    private static Optional<Rejection> reject(RejectionCode code, String detail) {
        return Optional.of(new Rejection(code, detail));
    }
}
