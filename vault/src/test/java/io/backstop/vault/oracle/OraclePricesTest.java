package io.backstop.vault.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.vault.Outcome;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.ledger.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OraclePricesTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-04T08:00:00Z");
    private static final OracleLimits LIMITS = OracleLimits.DEFAULTS;

    private static PriceObservation at(int minutesBeforeExpiry, String price) {
        return new PriceObservation(EXPIRY.minus(Duration.ofMinutes(minutesBeforeExpiry)), Amount.parse(price));
    }

    @Test
    void theSettlementPriceIsTheTimeWeightedAverageOverTheWindow() {
        // 2000 holds from the window's start (-30) to -20, 2100 to -10... each for 10 minutes, within maxPriceAge:
        // the price before the window counts from the window's start.
        List<PriceObservation> prices = List.of(at(34, "2000"), at(30, "2000"), at(26, "2000"), at(22, "2000"),
                at(18, "2100"), at(14, "2100"), at(10, "2100"), at(6, "2300"), at(2, "2300"));
        // 2000 for 12 min, 2100 for 12 min, 2300 for 6 min → (24000 + 25200 + 13800) / 30 = 2100.
        assertThat(OraclePrices.settlementPrice(prices, EXPIRY, LIMITS).result()).isEqualTo(Amount.parse("2100"));
    }

    /** Prices before settlementInputsFrom cannot change the settlement price, so a caller need not load them. */
    @Test
    void pricesBeforeTheSettlementInputsDoNotMatter() {
        assertThat(OraclePrices.settlementInputsFrom(EXPIRY, LIMITS)).isEqualTo(EXPIRY.minus(Duration.ofMinutes(35)));
        List<PriceObservation> inputs = List.of(at(35, "1900"), at(31, "1950"), at(27, "2000"), at(23, "2050"),
                at(19, "2100"), at(15, "2150"), at(11, "2200"), at(7, "2250"), at(3, "2300"));
        List<PriceObservation> withOlder = new ArrayList<>(List.of(at(50, "5000"), at(40, "1000")));
        withOlder.addAll(inputs);
        assertThat(OraclePrices.settlementPrice(withOlder, EXPIRY, LIMITS).result())
                .isEqualTo(OraclePrices.settlementPrice(inputs, EXPIRY, LIMITS).result());
    }

    @Test
    void theAverageTruncatesToMinorUnits() {
        List<PriceObservation> prices = List.of(at(30, "1"), at(27, "1"), at(24, "1"), at(21, "1"), at(18, "1"),
                at(15, "1"), at(12, "1"), at(9, "1"), at(6, "1"), at(3, "1.000002"));
        // 27 minutes at 1 and 3 at 1.000002: 1.0000002 truncated to 1.
        assertThat(OraclePrices.settlementPrice(prices, EXPIRY, LIMITS).result()).isEqualTo(Amount.parse("1"));
    }

    @Test
    void tooFewPricesAGapOrAStaleLastPriceLeaveTheSeriesPending() {
        Outcome<Amount> one = OraclePrices.settlementPrice(List.of(at(3, "2000")), EXPIRY, LIMITS);
        assertThat(one.rejection().code()).isEqualTo(RejectionCode.NO_PRICE);
        assertThat(one.rejection().detail()).contains("1 oracle price(s)").contains("at least 2");
        Outcome<Amount> gap = OraclePrices.settlementPrice(List.of(at(25, "2000"), at(4, "2000")), EXPIRY, LIMITS);
        assertThat(gap.rejection().detail()).contains("longer than maxPriceAge");
        Outcome<Amount> stale = OraclePrices.settlementPrice(List.of(at(12, "2000"), at(8, "2000")), EXPIRY,
                LIMITS);
        assertThat(stale.rejection().detail()).contains("no oracle price from " + EXPIRY.minus(Duration.ofMinutes(8)));
    }

    @Test
    void reportsAreCheckedForSignFreshnessOrderAndJumps() {
        Instant now = EXPIRY;
        PriceObservation last = at(1, "2000");
        assertThat(OraclePrices.check(RecentPrices.of(last), null, at(0, "3000.01"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.PRICE_JUMP);
        assertThat(OraclePrices.check(RecentPrices.of(last), null, at(0, "3000"), now, LIMITS)).isEmpty();
        assertThat(OraclePrices.check(RecentPrices.of(last), null, at(0, "0"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.INVALID_PRICE);
        assertThat(OraclePrices.check(RecentPrices.of(last), null, at(-1, "2000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.FUTURE_PRICE);
        assertThat(OraclePrices.check(RecentPrices.of(last), null, at(2, "2000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.STALE_PRICE);
        assertThat(OraclePrices.check(RecentPrices.NONE, Amount.parse("2000"), at(6, "2000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.STALE_PRICE);
        assertThat(OraclePrices.spot(at(6, "2000"), now, LIMITS).rejection().code()).isEqualTo(RejectionCode.NO_PRICE);
        assertThat(OraclePrices.spot(last, now, LIMITS).result()).isEqualTo(Amount.parse("2000"));
    }

    @Test
    void theJumpLimitHoldsOverTheJumpWindowNotPerReport() {
        // Ten reports of +10% a second apart: each is within 50% of the one before, but from the fifth on the
        // price is more than 50% above the 1000 accepted within the hour.
        Instant now = EXPIRY;
        List<PriceObservation> accepted = new ArrayList<>(List.of(new PriceObservation(now.minusSeconds(20),
                Amount.parse("1000"))));
        int refusedFrom = -1;
        double price = 1000;
        for (int step = 1; step <= 10 && refusedFrom < 0; step++) {
            price *= 1.1;
            PriceObservation report = new PriceObservation(now.minusSeconds(20 - step), Amount.parse(
                    String.format("%.6f", price)));
            RecentPrices recent = recent(accepted, report.at());
            if (OraclePrices.check(recent, null, report, now, LIMITS).isPresent()) {
                refusedFrom = step;
                assertThat(OraclePrices.check(recent, null, report, now, LIMITS).orElseThrow().detail())
                        .contains("within PT1H before it, 1000");
            } else {
                accepted.add(report);
            }
        }
        assertThat(refusedFrom).isEqualTo(5);
        // A fall is held the same way, from the highest price of the window.
        RecentPrices high = new RecentPrices(at(1, "1000"), Amount.parse("1000"), Amount.parse("3000"));
        assertThat(OraclePrices.check(high, null, at(0, "1499"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.PRICE_JUMP);
        assertThat(OraclePrices.check(high, null, at(0, "1500"), now, LIMITS)).isEmpty();
    }

    @Test
    void theFirstPriceIsBoundedByTheOperatorsReferenceAndNeedsOne() {
        Instant now = EXPIRY;
        assertThat(OraclePrices.check(RecentPrices.NONE, Amount.parse("3000"), at(0, "0.000001"), now, LIMITS)
                .orElseThrow().detail()).contains("reference price 3000");
        assertThat(OraclePrices.check(RecentPrices.NONE, Amount.parse("3000"), at(0, "4500"), now, LIMITS))
                .isEmpty();
        assertThat(OraclePrices.check(RecentPrices.NONE, null, at(0, "3000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.UNKNOWN_UNDERLYING);
    }

    /** The window's range as the service's query gives it: only the prices accepted within the window. */
    private static RecentPrices recent(List<PriceObservation> accepted, Instant at) {
        Amount lowest = null;
        Amount highest = null;
        for (PriceObservation p : accepted) {
            if (!p.at().isBefore(at.minus(LIMITS.jumpWindow()))) {
                lowest = lowest == null || p.price().compareTo(lowest) < 0 ? p.price() : lowest;
                highest = highest == null || p.price().compareTo(highest) > 0 ? p.price() : highest;
            }
        }
        return RecentPrices.of(accepted.get(accepted.size() - 1), lowest, highest);
    }

    @Test
    void theLastPriceCountsInTheRangeHoweverLongAgoItWasAccepted() {
        PriceObservation last = at(90, "2000");
        RecentPrices none = RecentPrices.of(last, null, null);
        assertThat(none.lowest()).isEqualTo(Amount.parse("2000"));
        assertThat(none.highest()).isEqualTo(Amount.parse("2000"));
        RecentPrices range = RecentPrices.of(last, Amount.parse("2100"), Amount.parse("2200"));
        assertThat(range.lowest()).isEqualTo(Amount.parse("2000"));
        assertThat(range.highest()).isEqualTo(Amount.parse("2200"));
        assertThat(RecentPrices.of(null, Amount.parse("1"), Amount.parse("2"))).isSameAs(RecentPrices.NONE);
    }
}
