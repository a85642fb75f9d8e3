package io.backstop.vault;

import io.backstop.vault.VaultEngine.TradeResult;
import io.backstop.vault.buffer.InsuranceBuffer;
import io.backstop.vault.collateral.CollateralPolicy;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Decimals;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.PremiumSchedule;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.QuoteBreakdown;
import io.backstop.vault.quote.SalePolicy;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.risk.StressScenarios;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Selling options: a quote priced by the premium schedule when every sale policy passes, and the buy that takes
 * it, re-checks the policies, books the premium and locks the collateral.
 */
final class OptionSale {

    private OptionSale() {
    }

    /** See {@link VaultEngine#quote}: the quote numbered {@code number}, the vault left to the caller. */
    static Outcome<Quote> quote(VaultState vault, OptionSeries series, Quantity quantity, String trader,
            MarketSnapshot market, Instant now, long number) {
        PricedSale sale = priceSale(vault, SeriesMark.of(series, market, vault.parameters(), now), quantity);
        if (sale.rejection().isPresent()) {
            return Outcome.rejected(sale.rejection().get());
        }
        Quote quote = new Quote(vault.id() + "-q" + number, vault.id(), trader, series, quantity, sale.breakdown(),
                vault.parameters().version(), sale.collateral(), now, now.plus(vault.parameters().quoteValidity()),
                false);
        return new Outcome.Accepted<>(quote, List.of(new VaultEvent.QuoteIssued(vault.id(), now, quote.id(),
                series.id(), quantity, quote.premium(), quote.validUntil())), List.of());
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
        Optional<Rejection> moved = checkStillPriced(vault, quote, market, now);
        if (moved.isPresent()) {
            return Outcome.rejected(moved.get());
        }
        Optional<Rejection> untakeable = checkTakeable(quote.premium(), maxPremium, book);
        if (untakeable.isPresent()) {
            return Outcome.rejected(untakeable.get());
        }
        QuoteBreakdown b = quote.breakdown();
        Optional<Rejection> rejection = SalePolicy.firstRejection(new SalePolicy.Sale(vault, quote.series(),
                quote.quantity(), b.spot(), quote.collateral(), b.lpIncome(), now));
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        return sell(vault, book, quote, quote.series(), quote.quantity(), quote.collateral(), b, buyer, market, now);
    }

    /**
     * A quote binds only while the market is where it was: spot within {@code quotePriceTolerance} of the quoted
     * spot, under the parameters (and surface) it was priced with. Otherwise the trader could take, within its
     * validity, only the quotes the market moved in their favour, at the LPs' expense. The refusal names what a
     * fresh quote would cost now.
     */
    private static Optional<Rejection> checkStillPriced(VaultState vault, Quote quote, MarketSnapshot market,
            Instant now) {
        Optional<String> why = movedSince(vault.parameters(), quote.breakdown().spot(), quote.parametersVersion(),
                market);
        if (why.isEmpty()) {
            return Optional.empty();
        }
        PricedSale fresh = priceSale(vault, SeriesMark.of(quote.series(), market, vault.parameters(), now),
                quote.quantity());
        String instead = fresh.rejection().isPresent() ? "a fresh quote would be refused: "
                + fresh.rejection().get().detail() : "a fresh quote costs " + fresh.breakdown().premium();
        return Optional.of(new Rejection(RejectionCode.QUOTE_STALE_PRICE, "quote " + quote.id()
                + " no longer binds: " + why.get() + "; " + instead));
    }

    /**
     * Why an offer priced at {@code quotedSpot} under parameters {@code version} no longer binds at this market:
     * spot moved beyond {@code quotePriceTolerance}, or the parameters (and surface) changed; empty while it binds.
     * Quotes and the pool's bids alike.
     */
    static Optional<String> movedSince(VaultParameters p, double quotedSpot, long version, MarketSnapshot market) {
        double move = Math.abs(market.spot() / quotedSpot - 1);
        if (version != p.version()) {
            return Optional.of("the vault's parameters changed since it was given (version " + version + ", now "
                    + p.version() + ")");
        }
        if (move <= p.quotePriceTolerance()) {
            return Optional.empty();
        }
        return Optional.of("spot moved " + Decimals.fixed(move * 100, 2) + "% since it was given ("
                + Decimals.fixed(quotedSpot, 2) + " to " + Decimals.fixed(market.spot(), 2) + "), beyond the "
                + Decimals.fixed(p.quotePriceTolerance() * 100, 2) + "% tolerance");
    }

    /** See {@link MarkedBook#buy}. */
    static Outcome<TradeResult> buyAtMarket(VaultState vault, SeriesBook book, SeriesMark mark, Quantity quantity,
            Amount maxPremium, String buyer) {
        // A sale is priced under the vault's parameters as they are now: a mark taken under others is taken again.
        SeriesMark current = mark.isUnder(vault.parameters()) ? mark
                : SeriesMark.of(mark.series(), mark.market(), vault.parameters(), mark.at());
        // The checks of a quote, then those of a buy that can still fail once the quote passed, in that order, so
        // a market order is refused for what quote then buy would have refused it for.
        PricedSale sale = priceSale(vault, current, quantity);
        if (sale.rejection().isPresent()) {
            return Outcome.rejected(sale.rejection().get());
        }
        Optional<Rejection> untakeable = checkTakeable(sale.breakdown().premium(), maxPremium, book);
        if (untakeable.isPresent()) {
            return Outcome.rejected(untakeable.get());
        }
        return sell(vault, book, null, current.series(), quantity, sale.collateral(), sale.breakdown(), buyer,
                current.market(), current.at());
    }

    /**
     * A sale priced at the market now, as a quote prices it.
     *
     * @param collateral what it would lock; null when the series is not the vault's
     * @param breakdown  its premium; null when the series is not the vault's
     * @param rejection  the first check it fails: the vault's pair, then the sale policies
     */
    private record PricedSale(Amount collateral, QuoteBreakdown breakdown, Optional<Rejection> rejection) {
    }

    private static PricedSale priceSale(VaultState vault, SeriesMark mark, Quantity quantity) {
        OptionSeries series = mark.series();
        Optional<Rejection> wrongVault = checkSeriesBelongs(vault, series);
        if (wrongVault.isPresent()) {
            return new PricedSale(null, null, wrongVault);
        }
        MarketSnapshot market = mark.market();
        // A non-positive quantity prices to non-positive amounts and is refused by SalePolicy.POSITIVE_QUANTITY.
        Amount collateral = CollateralPolicy.required(series, quantity, market.spot(), vault.parameters());
        double utilizationAfter = PremiumSchedule.postTradeUtilization(vault.balances(), collateral);
        QuoteBreakdown breakdown = PremiumSchedule.price(mark, quantity, vault.riskLevel(), vault.coverage().ratio(),
                utilizationAfter);
        return new PricedSale(collateral, breakdown, SalePolicy.firstRejection(new SalePolicy.Sale(vault, series,
                quantity, market.spot(), collateral, breakdown.lpIncome(), mark.at())));
    }

    /** Books a sale that passed every check: the premium's entry and events, then the position. */
    private static Outcome<TradeResult> sell(VaultState vault, SeriesBook book, Quote quote, OptionSeries series,
            Quantity quantity, Amount collateral, QuoteBreakdown b, String buyer, MarketSnapshot market,
            Instant now) {
        Amount paid = b.premium();
        JournalEntry premium = JournalEntry.builder(vault.id(), now, "premium")
                .debit(Account.CASH, paid)
                .credit(Account.LP_FREE, b.lpIncome())
                .credit(Account.BUFFER, b.bufferContribution())
                .credit(Account.TREASURY, b.treasury()).build();
        String tradeId = nextTradeId(vault);
        VaultEvent sold = new VaultEvent.OptionSold(vault.id(), now, tradeId, buyer, series.id(), quantity, paid,
                collateral);
        List<VaultEvent> events = b.bufferContribution().isPositive() ? List.of(sold,
                new VaultEvent.BufferFunded(vault.id(), now, b.bufferContribution(), InsuranceBuffer.FEES))
                : List.of(sold);
        return openPosition(vault, book, new Opening(tradeId, buyer, series, quantity, collateral, paid), quote, b,
                premium, events, market, now);
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
        String tradeId = nextTradeId(vault);
        List<VaultEvent> events = List.of(new VaultEvent.PositionAssumed(vault.id(), now, tradeId, holder,
                series.id(), quantity, collateral));
        return openPosition(vault, book, new Opening(tradeId, holder, series, quantity, collateral, Amount.ZERO), null,
                null, null, events, market, now);
    }

    /**
     * A short position the pool takes on.
     *
     * @param tradeId the vault's {@linkplain #nextTradeId next trade id}, which names the position
     * @param holder  who holds the long side
     * @param premium what the holder paid, zero for a position taken over
     */
    private record Opening(String tradeId, String holder, OptionSeries series, Quantity quantity, Amount collateral,
            Amount premium) {
    }

    /**
     * Books a short position the pool now carries, sold or taken over alike: the payment entry if any, the
     * collateral locked, the series' book opened on its first position, the exposure moved by the series' stress
     * values, the trade id handed out and the ladder re-read.
     *
     * @param quote    the quote being taken, or null for a market order or a position taken over
     * @param sale     the premium's breakdown, or null when the position is taken over
     * @param payment  the premium's entry, or null when none is booked
     * @param events   the command's events before the ladder's
     */
    private static Outcome<TradeResult> openPosition(VaultState vault, SeriesBook book, Opening opening, Quote quote,
            QuoteBreakdown sale, JournalEntry payment, List<VaultEvent> events, MarketSnapshot market, Instant now) {
        OptionSeries series = opening.series();
        Quantity quantity = opening.quantity();
        Amount collateral = opening.collateral();
        SeriesBook before = book != null ? book : SeriesBook.open(vault.id(), series,
                StressScenarios.valuesPerContract(series, market, vault.parameters(), now));
        JournalEntry lock = JournalEntry.transfer(vault.id(), now, "lock collateral", Account.LP_FREE,
                Account.locked(series.id()), collateral);
        List<JournalEntry> journal = payment == null ? List.of(lock) : List.of(payment, lock);
        VaultState after = vault.withBook(vault.balances().apply(journal), vault.exposure().plus(before.stressValues(),
                quantity.toDouble()), vault.sequence() + 1);
        List<VaultEvent> ladder = new ArrayList<>(0);
        after = RiskLadder.reassess(after, now, ladder);
        if (!ladder.isEmpty()) {
            ladder.addAll(0, events);
            events = ladder;
        }
        Position position = new Position(opening.tradeId(), vault.id(), opening.holder(), series.id(), quantity,
                opening.premium(), null, false);
        return new Outcome.Accepted<>(new TradeResult(after, before.sold(quantity, collateral), position,
                quote == null ? null : quote.asTaken(), sale), events, journal);
    }

    /** The id of the vault's next trade: the position it opens is named by it, and the trade takes its number. */
    static String nextTradeId(VaultState vault) {
        return vault.id() + "-t" + (vault.sequence() + 1);
    }

    /** What a buy refuses beyond the sale policies: a premium above the buyer's limit, a series already settled. */
    private static Optional<Rejection> checkTakeable(Amount premium, Amount maxPremium, SeriesBook book) {
        if (maxPremium != null && premium.compareTo(maxPremium) > 0) {
            return Optional.of(new Rejection(RejectionCode.MAX_PREMIUM_EXCEEDED, "premium " + premium
                    + " exceeds maxPremium " + maxPremium));
        }
        if (book != null && book.isSettled()) {
            return Optional.of(new Rejection(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " has settled"));
        }
        return Optional.empty();
    }

    static Optional<Rejection> checkSeriesBelongs(VaultState vault, OptionSeries series) {
        if (!series.underlying().equals(vault.underlying()) || !series.quoteCurrency().equals(vault.quoteCurrency())) {
            return Optional.of(new Rejection(RejectionCode.NOT_LISTED, "vault " + vault.id() + " lists "
                    + vault.underlying() + "/" + vault.quoteCurrency() + " options, not " + series.underlying() + "/"
                    + series.quoteCurrency()));
        }
        return Optional.empty();
    }
}
