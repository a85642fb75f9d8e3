package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.oracle.PriceRange;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.risk.RiskLevel;
import io.backstop.vault.risk.RiskReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked behaviour of the engine: quotes and buys, every sale and settlement rejection, the ladder, governance
 * (LP flows and the withdrawal queue are in {@link LiquidityProvisionTest}).
 */
class VaultEngineTest {

    private static final Amount USD_10K = Amount.parse("10000");

    @Test
    void quote_itemisesThePremium() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", Amount.parse("100000"));
        OptionSeries call = w.series(OptionType.CALL, 2000, 30);
        Quote q = w.quote(call, Quantity.parse("1"), "bob").result().quote();
        var b = q.breakdown();
        // 30 days plus 8 hours, σ = 80%, r = q = 0: BSM ≈ 184.
        assertThat(b.theoretical().toDouble()).isBetween(180.0, 195.0);
        assertThat(b.iv()).isEqualTo(0.8);
        // Post-trade utilisation 2000/100000 = 0.02: spread = 0.005 + 0.05·0.0004/0.98.
        assertThat(b.spread()).isEqualTo(b.theoretical().times(0.005 + 0.05 * 0.02 * 0.02 / 0.98, Rounding.UP));
        // Fees: 1% of theoretical (rounded up) + 0.05% of spot 2000 = 1.
        assertThat(b.fees()).isEqualTo(b.theoretical().times(0.01, Rounding.UP).plus(Amount.parse("1")));
        assertThat(b.bufferContribution()).isEqualTo(b.fees().times(0.5, Rounding.DOWN));
        assertThat(b.bufferContribution().plus(b.treasury())).isEqualTo(b.fees());
        assertThat(q.premium()).isEqualTo(b.theoretical().plus(b.spread()).plus(b.fees()));
        assertThat(q.validUntil()).isEqualTo(w.now.plusSeconds(30));
        assertThat(q.collateral()).isEqualTo(Amount.parse("2000"));
    }

    @Test
    void everySaleRejection_isTypedAndChangesNothing() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        VaultState before = w.vault;
        assertRejected(w, w.series(OptionType.CALL, 2000, 7), "0", RejectionCode.INVALID_QUANTITY);
        assertRejected(w, w.series(OptionType.CALL, 2000, 7), "-1", RejectionCode.INVALID_QUANTITY);
        // Expiries are at 08:00 UTC only.
        assertRejected(w, w.series(OptionType.CALL, 2000, 0).expiry().minusSeconds(3600 * 8 - 1800), "1",
                RejectionCode.NOT_LISTED);
        assertRejected(w, w.series(OptionType.CALL, 2025, 7), "1", RejectionCode.NOT_LISTED);
        assertRejected(w, w.series(OptionType.CALL, 4050, 7), "1", RejectionCode.NOT_LISTED);
        assertRejected(w, w.series(OptionType.CALL, 2000, 91), "1", RejectionCode.NOT_LISTED);
        assertRejected(w, new OptionSeries("BTC", "USD", OptionType.CALL, Amount.parse("2000"),
                w.series(OptionType.CALL, 2000, 7).expiry()), "1", RejectionCode.NOT_LISTED);
        assertRejected(w, w.series(OptionType.PUT, 2000, 7), "100", RejectionCode.INSUFFICIENT_LIQUIDITY);
        assertRejected(w, w.series(OptionType.PUT, 2000, 7), "4.5", RejectionCode.UTILIZATION_CAP);
        w.now = w.series(OptionType.CALL, 2000, 1).expiry().minusSeconds(1800);
        assertRejected(w, w.series(OptionType.CALL, 2000, 0), "1", RejectionCode.AFTER_CUTOFF); // 30 min ahead
        assertThat(w.vault).isEqualTo(before);
    }

    private static void assertRejected(VaultWorld w, Object seriesOrExpiry, String quantity, RejectionCode code) {
        OptionSeries series = seriesOrExpiry instanceof OptionSeries s ? s
                : new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"), (java.time.Instant) seriesOrExpiry);
        var o = VaultEngine.quote(w.vault, series, Quantity.parse(quantity), "trader", w.market, w.now);
        assertThat(o.rejection().code()).as(series + " " + quantity + ": " + o).isEqualTo(code);
        assertThat(o.rejection().detail()).isNotBlank();
        var marketOrder = VaultEngine.buyAtMarket(w.vault, null, series, Quantity.parse(quantity), null, "trader",
                w.market, w.now);
        assertThat(marketOrder.rejection()).isEqualTo(o.rejection());
    }

    @Test
    void numberedQuote_leavesTheVaultAsItIsAndPricesAsTheSequencedOne() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        VaultState before = w.vault;
        var sequenced = VaultEngine.quote(w.vault, call, Quantity.parse("1"), "bob", w.market, w.now);
        var numbered = VaultEngine.quote(w.vault, call, Quantity.parse("1"), "bob", w.market, w.now, 9_000);

        assertThat(numbered.result().vault()).isSameAs(before);
        assertThat(numbered.result().quote().id()).isEqualTo(before.id() + "-q9000");
        assertThat(numbered.result().quote().breakdown()).isEqualTo(sequenced.result().quote().breakdown());
        assertThat(numbered.result().quote().collateral()).isEqualTo(sequenced.result().quote().collateral());
        assertThat(numbered.events()).singleElement().isInstanceOf(VaultEvent.QuoteIssued.class);
        assertThat(numbered.journal()).isEmpty();
        // Taken under the lock, it is checked and priced as any quote is.
        var bought = VaultEngine.buy(w.vault, null, numbered.result().quote(), null, "bob", w.market, w.now);
        assertThat(bought.result().position().premium()).isEqualTo(sequenced.result().quote().premium());
        assertThat(VaultEngine.quote(w.vault, call, Quantity.ofUnits(1L << 60), "bob", w.market, w.now, 1)
                .rejection().code()).isEqualTo(RejectionCode.INVALID_AMOUNT);
    }

    @Test
    void marketOrder_paysTheQuotedPremiumUnlessItExceedsTheLimit() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        Quote q = VaultEngine.quote(w.vault, call, Quantity.parse("1"), "bob", w.market, w.now).result().quote();
        VaultState before = w.vault;

        var greedy = VaultEngine.buyAtMarket(w.vault, null, call, Quantity.parse("1"),
                q.premium().minus(Amount.ofUnits(1)), "bob", w.market, w.now);
        assertThat(greedy.rejection()).isEqualTo(new Rejection(RejectionCode.MAX_PREMIUM_EXCEEDED, "premium "
                + q.premium() + " exceeds maxPremium " + q.premium().minus(Amount.ofUnits(1))));
        assertThat(greedy.events()).isEmpty();
        assertThat(greedy.journal()).isEmpty();

        var bought = VaultEngine.buyAtMarket(w.vault, null, call, Quantity.parse("1"), q.premium(), "bob", w.market,
                w.now);
        VaultEngine.TradeResult t = bought.result();
        assertThat(t.sale()).isEqualTo(q.breakdown());
        assertThat(t.position().premium()).isEqualTo(q.premium());
        assertThat(t.position().id()).isEqualTo("eth-usd-t" + (before.sequence() + 1));
        assertThat(t.vault().sequence()).isEqualTo(before.sequence() + 1);
        assertThat(t.vault().balances().lpFree()).isEqualTo(USD_10K.plus(q.breakdown().lpIncome())
                .minus(q.collateral()));
        assertThat(bought.events()).hasSize(2).first().isInstanceOf(VaultEvent.OptionSold.class);
        assertThat(w.vault).isSameAs(before);
    }

    @Test
    void marketOrderOnAMark_isPricedUnderTheVaultsParametersAsTheyAreNow() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        SeriesMark mark = SeriesMark.of(call, w.market, w.vault.parameters(), w.now);
        var accepted = VaultEngine.changeParameters(w.vault, "ops", "dearer options", Map.of("optionFeeRate", "0.02"),
                VolatilitySurface.flat(0.9), w.now);
        w.vault = accepted.result();

        var onOldMark = MarkedBook.buy(w.vault, null, mark, Quantity.parse("1"), null, "bob");
        var fresh = VaultEngine.buyAtMarket(w.vault, null, call, Quantity.parse("1"), null, "bob", w.market, w.now);
        assertThat(onOldMark.result().sale()).isEqualTo(fresh.result().sale());
        assertThat(onOldMark.result().sale().iv()).isEqualTo(0.9);
        assertThat(onOldMark.result().sale().theoretical().toDouble())
                .isGreaterThan(mark.valuePerContract() * 1.05);
    }

    @Test
    void buyRejections_anotherTradersQuoteAndATakenQuote() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        Quote q = w.quote(w.series(OptionType.CALL, 2000, 7), Quantity.parse("1"), "bob").result().quote();
        VaultState before = w.vault;

        var foreign = w.buy(q, null, "carol");
        assertThat(foreign.rejection()).isEqualTo(new Rejection(RejectionCode.QUOTE_NOT_YOURS,
                "quote '" + q.id() + "' was issued to another trader"));
        assertThat(w.vault).isSameAs(before);

        Quote taken = w.buy(q, null, "bob").result().quote();
        assertThat(taken.taken()).isTrue();
        assertThat(taken.asTaken()).isEqualTo(taken);
        VaultState afterTrade = w.vault;
        assertThat(w.buy(taken, null, "bob").rejection()).isEqualTo(new Rejection(RejectionCode.QUOTE_TAKEN,
                "quote '" + q.id() + "' has already been taken"));
        assertThat(w.vault).isSameAs(afterTrade);
    }

    @Test
    void aQuoteBindsOnlyWhileSpotIsWithinToleranceAndTheParametersAreTheSame() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        Quote q = w.quote(call, Quantity.parse("1"), "bob").result().quote();
        assertThat(q.parametersVersion()).isEqualTo(w.vault.parameters().version());
        VaultState before = w.vault;

        // 0.4% either way: within the default tolerance of 0.5%, the quote binds at its premium.
        for (double spot : new double[] {2008, 1992}) {
            var near = VaultEngine.buy(w.vault, null, q, null, "bob", MarketSnapshot.at(spot), w.now);
            assertThat(near.isAccepted()).as("at %s", spot).isTrue();
            assertThat(near.result().sale().premium()).isEqualTo(q.premium());
        }
        // 10% up: the call is worth more, the quote no longer binds, and the refusal says what a fresh one costs.
        MarketSnapshot up = MarketSnapshot.at(2200);
        Amount fresh = VaultEngine.quote(w.vault, call, Quantity.parse("1"), "bob", up, w.now).result().quote()
                .premium();
        assertThat(fresh).isGreaterThan(q.premium());
        assertThat(VaultEngine.buy(w.vault, null, q, null, "bob", up, w.now).rejection()).isEqualTo(
                new Rejection(RejectionCode.QUOTE_STALE_PRICE, "quote " + q.id() + " no longer binds: spot moved "
                        + "10.00% since it was given (2000.00 to 2200.00), beyond the 0.50% tolerance; a fresh quote "
                        + "costs " + fresh));
        // Down as well: a move either way is a move the trader could pick.
        assertThat(VaultEngine.buy(w.vault, null, q, null, "bob", MarketSnapshot.at(1900), w.now).rejection()
                .code()).isEqualTo(RejectionCode.QUOTE_STALE_PRICE);
        assertThat(w.vault).isSameAs(before);

        // A parameter change (here the surface) reprices every quote: spot unchanged, the quote is refused.
        VaultState changed = VaultEngine.changeParameters(w.vault, "ops", "vol up", Map.of(),
                VolatilitySurface.flat(1.2), w.now).result();
        var repriced = VaultEngine.buy(changed, null, q, null, "bob", w.market, w.now);
        assertThat(repriced.rejection().code()).isEqualTo(RejectionCode.QUOTE_STALE_PRICE);
        assertThat(repriced.rejection().detail()).contains("parameters changed since it was given (version 1, now 2)");
        // With no tolerance at all, any move refuses it.
        VaultState strict = VaultEngine.changeParameters(w.vault, "ops", "strict", Map.of("quotePriceTolerance", "0"),
                null, w.now).result();
        Quote strictQuote = VaultEngine.quote(strict, call, Quantity.parse("1"), "bob", w.market, w.now).result()
                .quote();
        assertThat(VaultEngine.buy(strict, null, strictQuote, null, "bob", MarketSnapshot.at(2000.01), w.now)
                .rejection().code()).isEqualTo(RejectionCode.QUOTE_STALE_PRICE);
        assertThat(VaultEngine.buy(strict, null, strictQuote, null, "bob", w.market, w.now).isAccepted()).isTrue();
    }

    @Test
    void aQuoteBindsForTwoMinutesAtMost() {
        VaultWorld w = new VaultWorld();
        var refused = VaultEngine.changeParameters(w.vault, "ops", "long quotes", Map.of("quoteValidity", "PT3M"),
                null, w.now);
        assertThat(refused.rejection().code()).isEqualTo(RejectionCode.PARAMETER_OUT_OF_BOUNDS);
        assertThat(VaultEngine.changeParameters(w.vault, "ops", "long quotes", Map.of("quoteValidity", "PT2M"), null,
                w.now).isAccepted()).isTrue();
    }

    @Test
    void buyRejections_staleQuoteAndMaxPremium() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        Quote q = w.quote(w.series(OptionType.CALL, 2000, 7), Quantity.parse("1"), "bob").result().quote();
        VaultState before = w.vault;
        assertThat(VaultEngine.buy(w.vault, null, q, q.premium().minus(Amount.ofUnits(1)), "bob", w.market, w.now)
                .rejection().code()).isEqualTo(RejectionCode.MAX_PREMIUM_EXCEEDED);
        assertThat(VaultEngine.buy(w.vault, null, q, null, "bob", w.market, q.validUntil().plusNanos(1))
                .rejection().code()).isEqualTo(RejectionCode.STALE_QUOTE);
        // Liquidity taken by other trades since the quote: the quote no longer binds.
        w.trade(w.series(OptionType.PUT, 2000, 7), Quantity.parse("3.5"), "carol").result();
        assertThat(VaultEngine.buy(w.vault, null, q, null, "bob", w.market, w.now).rejection().code())
                .isEqualTo(RejectionCode.UTILIZATION_CAP);
        assertThat(before.balances().lpFree()).isEqualTo(USD_10K);
    }

    @Test
    void settlementRejections_notExpiredTwiceAndBadPrice() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 2);
        w.trade(call, Quantity.parse("1"), "bob").result();
        assertThat(w.settle(call.id(), Amount.parse("2100")).rejection().code()).isEqualTo(RejectionCode.NOT_EXPIRED);
        w.advance(Duration.ofDays(3));
        assertThat(w.settle(call.id(), Amount.ZERO).rejection().code()).isEqualTo(RejectionCode.INVALID_SETTLEMENT);
        var report = w.settle(call.id(), Amount.parse("2100")).result().report();
        assertThat(report.paid()).isEqualTo(Amount.parse("100"));
        assertThat(w.settle(call.id(), Amount.parse("2100")).rejection().code())
                .isEqualTo(RejectionCode.ALREADY_SETTLED);
        var paid = w.positions.get(call.id()).get(0);
        assertThat(ExpirySettlement.payOut(w.vault, paid, w.now).rejection().code())
                .isEqualTo(RejectionCode.NOTHING_TO_PAY);
        w.checkInvariants();
    }

    @Test
    void anOperatorSettlesAnUnpricedSeriesAfterTheGracePeriodWithinTheOraclesRange() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 2);
        w.trade(call, Quantity.parse("2"), "bob").result();
        SeriesBook book = w.books.get(call.id());
        var held = w.positions.get(call.id());
        PriceRange around = new PriceRange(Amount.parse("2050"), Amount.parse("2150"));
        Amount price = Amount.parse("2100");

        w.advance(Duration.ofDays(3)); // past expiry, within the default grace of a day after it
        var early = VaultEngine.forceSettle(w.vault, book, held, price, around, "ops", "oracle down", Valuation.NONE,
                w.now);
        assertThat(early.rejection().code()).isEqualTo(RejectionCode.FORCED_SETTLEMENT_TOO_EARLY);
        assertThat(early.rejection().detail()).contains("forcedSettlementGrace PT24H");

        w.advance(Duration.ofDays(1));
        assertThat(VaultEngine.forceSettle(w.vault, book, held, Amount.parse("2150.000001"), around, "ops", "r",
                Valuation.NONE, w.now).rejection()).isEqualTo(new Rejection(RejectionCode.INVALID_SETTLEMENT,
                        "price 2150.000001 is outside [2050, 2150], the prices the oracle accepted around the expiry of "
                                + call.id()));
        assertThat(VaultEngine.forceSettle(w.vault, book, held, price, null, "ops", "r", Valuation.NONE, w.now)
                .rejection().code()).isEqualTo(RejectionCode.INVALID_SETTLEMENT);

        var forced = VaultEngine.forceSettle(w.vault, book, held, price, around, "ops", "oracle down", Valuation.NONE,
                w.now);
        var plain = VaultEngine.settleAndPayOut(w.vault, book, held, price, Valuation.NONE, w.now);
        // The same settlement as at that price from the oracle, with the forced event and its reason first.
        assertThat(forced.result().vault()).isEqualTo(plain.result().vault());
        assertThat(forced.result().report()).isEqualTo(plain.result().report());
        assertThat(forced.journal()).isEqualTo(plain.journal());
        assertThat(forced.events().get(0)).isEqualTo(new VaultEvent.SeriesForceSettled(w.vault.id(), w.now, call.id(),
                price, around.lowest(), around.highest(), "oracle down", "ops"));
        assertThat(forced.events().subList(1, forced.events().size())).isEqualTo(plain.events());
        assertThat(forced.events().get(0).withoutIdentities().toString()).doesNotContain("ops");

        var settledBook = forced.result().series();
        assertThat(VaultEngine.forceSettle(forced.result().vault(), settledBook, forced.result().positions(), price,
                around, "ops", "again", Valuation.NONE, w.now).rejection().code())
                .isEqualTo(RejectionCode.ALREADY_SETTLED);
    }

    @Test
    void aQuotesRiskReceiptShowsTheTradeHaltingSales() {
        VaultWorld w = new VaultWorld(VaultParameters.defaults().with(Map.of("callCollateralFactor", "0.2"), null));
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        Quote small = w.quote(call, Quantity.parse("1"), "bob").result().quote();
        Quote large = w.quote(call, Quantity.parse("15"), "bob").result().quote();

        RiskReceipt harmless = VaultEngine.riskReceipt(w.vault, null, small, w.market, w.now);
        assertThat(harmless.stressLossBefore()).isEqualTo(Amount.ZERO);
        assertThat(harmless.coverageBefore()).isNull(); // nothing at risk: infinite
        assertThat(harmless.levelAfter()).isEqualTo(RiskLevel.NORMAL);

        // 15 calls at a fifth of spot's collateral: at spot +100% the book outgrows LP capital by far.
        RiskReceipt receipt = VaultEngine.riskReceipt(w.vault, null, large, w.market, w.now);
        assertThat(receipt.levelBefore()).isEqualTo(RiskLevel.NORMAL);
        assertThat(receipt.levelAfter()).isEqualTo(RiskLevel.HALTED);
        assertThat(receipt.stressLossAfter()).isGreaterThan(Amount.parse("15000"));
        assertThat(receipt.coverageAfter()).isLessThan(0.25);
        // It is what taking the quote then does.
        var bought = w.buy(large, null, "bob").result();
        assertThat(bought.vault().riskLevel()).isEqualTo(RiskLevel.HALTED);
        assertThat(bought.vault().coverage().stressLoss()).isEqualTo(receipt.stressLossAfter());
    }

    @Test
    void riskLadder_haltsSalesWhenTheBufferCannotCoverTheStressLoss() {
        VaultWorld w = new VaultWorld(VaultParameters.defaults().with(Map.of("callCollateralFactor", "0.2"), null));
        w.deposit("alice", USD_10K);
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        w.trade(call, Quantity.parse("15"), "bob").result();
        // 15 calls at spot +100%: ≈ 30,000 of liability against ≈ 10,000 of LP capital; the buffer holds ≈ 20.
        assertThat(w.vault.riskLevel()).isEqualTo(RiskLevel.HALTED);
        assertThat(w.events).anySatisfy(e -> assertThat(e).isInstanceOf(VaultEvent.RiskLevelChanged.class));
        assertThat(w.trade(call, Quantity.parse("1"), "bob").rejection().code()).isEqualTo(RejectionCode.TRADING_HALTED);
        // A large enough top-up restores coverage and sales; deposits are never halted.
        Amount stress = w.vault.coverage().stressLoss();
        w.record(VaultEngine.topUpBuffer(w.vault, stress, "ops", w.now));
        w.vault = VaultEngine.topUpBuffer(w.vault, stress, "ops", w.now).result();
        assertThat(w.vault.riskLevel()).isEqualTo(RiskLevel.NORMAL);
    }

    @Test
    void elevatedBand_raisesFeesAndTheBufferShare() {
        VaultParameters p = VaultParameters.defaults();
        assertThat(RiskLevel.ELEVATED.feeMultiplier(p)).isEqualTo(1.5);
        assertThat(RiskLevel.ELEVATED.bufferFeeShare(p)).isEqualTo(0.8);
        assertThat(RiskLevel.RESTRICTED.maxUtilization(p)).isEqualTo(0.4);
        assertThat(RiskLevel.forCoverage(0.9, p)).isEqualTo(RiskLevel.ELEVATED);
        assertThat(RiskLevel.forCoverage(0.3, p)).isEqualTo(RiskLevel.RESTRICTED);
        assertThat(RiskLevel.forCoverage(0.1, p)).isEqualTo(RiskLevel.HALTED);
        assertThat(RiskLevel.forCoverage(Double.POSITIVE_INFINITY, p)).isEqualTo(RiskLevel.NORMAL);
    }

    @Test
    void governance_rejectsOutOfBoundsAndVersionsAcceptedChanges() {
        VaultWorld w = new VaultWorld();
        var rejected = VaultEngine.changeParameters(w.vault, "ops", "try", Map.of("maxUtilization", "0.96"), null, w.now);
        assertThat(rejected.rejection()).isEqualTo(new Rejection(RejectionCode.PARAMETER_OUT_OF_BOUNDS,
                "maxUtilization must be in (0, 0.95], was 0.96"));
        assertThat(VaultEngine.changeParameters(w.vault, "ops", "try", Map.of("nope", "1"), null, w.now)
                .rejection().detail()).isEqualTo("unknown parameter \"nope\"");
        assertThat(VaultEngine.changeParameters(w.vault, "ops", "try", Map.of("tradingCutoff", "1h"), null, w.now)
                .rejection().detail()).isEqualTo("tradingCutoff is not a valid duration: \"1h\"");
        assertThat(VaultEngine.changeParameters(w.vault, "", "try", Map.of("bufferFeeShare", "0.6"), null, w.now)
                .isAccepted()).isFalse();
        var accepted = VaultEngine.changeParameters(w.vault, "ops", "more buffer", Map.of("bufferFeeShare", "0.6",
                "tradingCutoff", "PT12H"), null, w.now);
        VaultState after = accepted.result();
        assertThat(after.parameters().version()).isEqualTo(2);
        assertThat(after.parameters().bufferFeeShare()).isEqualTo(0.6);
        assertThat(after.parameters().tradingCutoff()).isEqualTo(Duration.ofHours(12));
        assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(VaultEvent.ParametersChanged.class,
                e -> assertThat(e.actor()).isEqualTo("ops"));
    }

    @Test
    void assume_locksCollateralWithoutPremiumAndRefusesExpiredOrUncoveredPositions() {
        VaultWorld w = new VaultWorld();
        w.deposit("alice", USD_10K);
        OptionSeries put = w.series(OptionType.PUT, 1800, 7);

        var taken = w.record(VaultEngine.assume(w.vault, null, put, Quantity.parse("2"), "desk", w.market, w.now));

        assertThat(taken.isAccepted()).isTrue();
        var r = taken.result();
        assertThat(r.vault().balances().locked()).isEqualTo(Amount.parse("3600"));
        assertThat(r.vault().balances().lpCapital()).isEqualTo(USD_10K);
        assertThat(r.vault().balances().cash()).isEqualTo(USD_10K);
        assertThat(r.position().premium()).isEqualTo(Amount.ZERO);
        assertThat(r.vault().exposure()).isNotEqualTo(w.vault.exposure());
        assertThat(taken.events()).first().isInstanceOf(VaultEvent.PositionAssumed.class);

        var uncovered = VaultEngine.assume(r.vault(), r.series(), put, Quantity.parse("4"), "desk", w.market, w.now);
        assertThat(uncovered.rejection().code()).isEqualTo(RejectionCode.INSUFFICIENT_LIQUIDITY);
        var expired = VaultEngine.assume(r.vault(), r.series(), put, Quantity.parse("1"), "desk", w.market,
                put.expiry());
        assertThat(expired.rejection().code()).isEqualTo(RejectionCode.AFTER_CUTOFF);
    }

    @Test
    void openingAVaultIsACommandWithAnEventAndTypedRefusals() {
        Instant now = Instant.parse("2026-01-05T00:00:00Z");
        var opened = VaultEngine.open("btc-usd", "BTC", "USD", Map.of("maxUtilization", "0.6"), "ops", now);
        assertThat(opened.result().id()).isEqualTo("btc-usd");
        assertThat(opened.result().parameters().maxUtilization()).isEqualTo(0.6);
        assertThat(opened.events()).containsExactly(new VaultEvent.VaultOpened("btc-usd", now, "BTC", "USD", 1, "ops"));
        assertThat(opened.journal()).isEmpty();
        assertThat(VaultEngine.open("BTC_USD", "BTC", "USD", Map.of(), "ops", now).rejection().code())
                .isEqualTo(RejectionCode.INVALID_VAULT);
        assertThat(VaultEngine.open("btc-usd", "btc", "USD", Map.of(), "ops", now).rejection().code())
                .isEqualTo(RejectionCode.INVALID_VAULT);
        var outOfBounds = VaultEngine.open("btc-usd", "BTC", "USD", Map.of("maxUtilization", "0.96"), "ops", now);
        assertThat(outOfBounds.rejection().code()).isEqualTo(RejectionCode.PARAMETER_OUT_OF_BOUNDS);
        assertThat(outOfBounds.rejection().detail()).contains("maxUtilization");
    }

    @Test
    void aProposedParameterChangeIsCheckedButNotApplied() {
        Instant now = Instant.parse("2026-01-05T00:00:00Z");
        VaultState vault = VaultEngine.open("btc-usd", "BTC", "USD", Map.of(), "ops", now).result();
        var proposal = VaultEngine.proposeParameters(vault, Map.of("bufferFeeShare", "0.9"));
        assertThat(proposal.result().bufferFeeShare()).isEqualTo(0.9);
        assertThat(proposal.result().version()).isEqualTo(vault.parameters().version() + 1);
        assertThat(vault.parameters().bufferFeeShare()).isEqualTo(0.5);
        assertThat(VaultEngine.proposeParameters(vault, Map.of("bufferFeeShare", "1.5")).rejection().code())
                .isEqualTo(RejectionCode.PARAMETER_OUT_OF_BOUNDS);
    }
}
