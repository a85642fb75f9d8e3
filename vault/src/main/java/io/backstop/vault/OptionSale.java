package io.backstop.vault;

import io.backstop.vault.VaultEngine.QuoteResult;
import io.backstop.vault.VaultEngine.TradeResult;
import io.backstop.vault.buffer.InsuranceBuffer;
import io.backstop.vault.collateral.CollateralPolicy;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.PremiumSchedule;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.QuoteBreakdown;
import io.backstop.vault.quote.SalePolicy;
import io.backstop.vault.risk.StressScenarios;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Selling options: a quote priced by the premium schedule when every sale policy passes, and the buy that takes
 * it, re-checks the policies, books the premium and locks the collateral.
 */
final class OptionSale {

    private OptionSale() {
    }

    /** See {@link VaultEngine#quote}. */
    static Outcome<QuoteResult> quote(VaultState vault, OptionSeries series, Quantity quantity, String trader,
            MarketSnapshot market, Instant now) {
        Optional<Rejection> wrongVault = checkSeriesBelongs(vault, series);
        if (wrongVault.isPresent()) {
            return Outcome.rejected(wrongVault.get());
        }
        // A non-positive quantity prices to non-positive amounts and is refused by SalePolicy.POSITIVE_QUANTITY.
        Amount collateral = CollateralPolicy.required(series, quantity, market.spot(), vault.parameters());
        double utilizationAfter = PremiumSchedule.postTradeUtilization(vault.balances(), collateral);
        QuoteBreakdown breakdown = PremiumSchedule.price(series, quantity, market, vault.parameters(),
                vault.riskLevel(), utilizationAfter, now);
        Optional<Rejection> rejection = SalePolicy.firstRejection(new SalePolicy.Sale(vault, series, quantity,
                market.spot(), collateral, breakdown.lpIncome(), now));
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        long sequence = vault.sequence() + 1;
        Quote quote = new Quote(vault.id() + "-q" + sequence, vault.id(), trader, series, quantity, breakdown,
                collateral, now, now.plus(vault.parameters().quoteValidity()), false);
        return new Outcome.Accepted<>(new QuoteResult(vault.withSequence(sequence), quote),
                List.of(new VaultEvent.QuoteIssued(vault.id(), now, quote.id(), series.id(), quantity,
                        quote.premium(), quote.validUntil())), List.of());
    }

    /** See {@link VaultEngine#buy}. */
    static Outcome<TradeResult> buy(VaultState vault, SeriesBook book, Quote quote, Amount maxPremium,
            String buyer, MarketSnapshot market, Instant now) {
        if (!quote.vault().equals(vault.id())) {
            return Outcome.rejected(RejectionCode.STALE_QUOTE, "quote " + quote.id() + " is for vault "
                    + quote.vault());
        }
        if (!quote.owner().equals(buyer)) {
            return Outcome.rejected(RejectionCode.QUOTE_NOT_YOURS, "quote '" + quote.id()
                    + "' was issued to another trader");
        }
        if (quote.taken()) {
            return Outcome.rejected(RejectionCode.QUOTE_TAKEN, "quote '" + quote.id() + "' has already been taken");
        }
        if (now.isAfter(quote.validUntil())) {
            return Outcome.rejected(RejectionCode.STALE_QUOTE, "quote " + quote.id() + " expired at "
                    + quote.validUntil());
        }
        Amount paid = quote.premium();
        if (maxPremium != null && paid.compareTo(maxPremium) > 0) {
            return Outcome.rejected(RejectionCode.MAX_PREMIUM_EXCEEDED, "premium " + paid
                    + " exceeds maxPremium " + maxPremium);
        }
        if (book != null && book.isSettled()) {
            return Outcome.rejected(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " has settled");
        }
        QuoteBreakdown b = quote.breakdown();
        Amount lpIncome = b.lpIncome();
        Optional<Rejection> rejection = SalePolicy.firstRejection(new SalePolicy.Sale(vault, quote.series(),
                quote.quantity(), b.spot(), quote.collateral(), lpIncome, now));
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        JournalEntry premium = JournalEntry.builder(vault.id(), now, "premium")
                .debit(Account.CASH, paid)
                .credit(Account.LP_FREE, lpIncome)
                .credit(Account.BUFFER, b.bufferContribution())
                .credit(Account.TREASURY, b.treasury()).build();
        return openPosition(vault, book, quote, quote.series(), quote.quantity(), quote.collateral(), paid, buyer,
                premium, tradeId -> {
                    List<VaultEvent> events = new ArrayList<>(3);
                    events.add(new VaultEvent.OptionSold(vault.id(), now, tradeId, buyer, quote.series().id(),
                            quote.quantity(), paid, quote.collateral()));
                    if (b.bufferContribution().isPositive()) {
                        events.add(new VaultEvent.BufferFunded(vault.id(), now, b.bufferContribution(),
                                InsuranceBuffer.FEES));
                    }
                    return events;
                }, market, now);
    }

    /** See {@link VaultEngine#assume}. */
    static Outcome<TradeResult> assume(VaultState vault, SeriesBook book, OptionSeries series, Quantity quantity,
            String holder, MarketSnapshot market, Instant now) {
        Optional<Rejection> wrongVault = checkSeriesBelongs(vault, series);
        if (wrongVault.isPresent()) {
            return Outcome.rejected(wrongVault.get());
        }
        if (book != null && book.isSettled()) {
            return Outcome.rejected(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " has settled");
        }
        if (!now.isBefore(series.expiry())) {
            return Outcome.rejected(RejectionCode.AFTER_CUTOFF, "series " + series.id() + " expired at "
                    + series.expiry() + "; only live positions can be taken over");
        }
        Amount collateral = CollateralPolicy.required(series, quantity, market.spot(), vault.parameters());
        Optional<Rejection> rejection = SalePolicy.firstRejection(new SalePolicy.Sale(vault, series, quantity,
                market.spot(), collateral, Amount.ZERO, now), SalePolicy.ASSUMPTION);
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        return openPosition(vault, book, null, series, quantity, collateral, Amount.ZERO, holder, null,
                tradeId -> new ArrayList<>(List.of(new VaultEvent.PositionAssumed(vault.id(), now, tradeId, holder,
                        series.id(), quantity, collateral))), market, now);
    }

    /**
     * Books a short position the pool now carries, sold or taken over alike: the payment entry if any, the
     * collateral locked, the series' book opened on its first position, the exposure moved by the series' stress
     * values, the trade id handed out and the ladder re-read.
     *
     * @param quote    the quote being taken, or null when the position is taken over
     * @param payment  the premium's entry, or null when none is booked
     * @param eventsOf the command's events for the trade id, in a mutable list the ladder may add to
     */
    private static Outcome<TradeResult> openPosition(VaultState vault, SeriesBook book, Quote quote,
            OptionSeries series, Quantity quantity, Amount collateral, Amount premium, String holder,
            JournalEntry payment, Function<String, List<VaultEvent>> eventsOf, MarketSnapshot market, Instant now) {
        SeriesBook before = book != null ? book : SeriesBook.open(vault.id(), series,
                StressScenarios.valuesPerContract(series, market, vault.parameters(), now));
        JournalEntry lock = JournalEntry.builder(vault.id(), now, "lock collateral")
                .debit(Account.LP_FREE, collateral)
                .credit(Account.locked(series.id()), collateral).build();
        List<JournalEntry> journal = payment == null ? List.of(lock) : List.of(payment, lock);
        long sequence = vault.sequence() + 1;
        String tradeId = vault.id() + "-t" + sequence;
        VaultState after = new VaultState(vault.id(), vault.underlying(), vault.quoteCurrency(), vault.parameters(),
                vault.balances().apply(journal), vault.totalShares(), vault.riskLevel(),
                vault.exposure().plus(before.stressValues(), quantity.toDouble()), vault.simulatedStressLoss(),
                sequence, vault.withdrawalQueue());
        List<VaultEvent> events = eventsOf.apply(tradeId);
        after = RiskLadder.reassess(after, now, events);
        Position position = new Position(tradeId, vault.id(), holder, series.id(), quantity, premium, null, false);
        return new Outcome.Accepted<>(new TradeResult(after, before.sold(quantity, collateral), position,
                quote == null ? null : quote.asTaken()), events,
                journal);
    }

    private static Optional<Rejection> checkSeriesBelongs(VaultState vault, OptionSeries series) {
        if (!series.underlying().equals(vault.underlying()) || !series.quoteCurrency().equals(vault.quoteCurrency())) {
            return Optional.of(new Rejection(RejectionCode.NOT_LISTED, "vault " + vault.id() + " lists "
                    + vault.underlying() + "/" + vault.quoteCurrency() + " options, not " + series.underlying() + "/"
                    + series.quoteCurrency()));
        }
        return Optional.empty();
    }
}
