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
        assertThat(OraclePrices.check(last, at(0, "3000.01"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.PRICE_JUMP);
        assertThat(OraclePrices.check(last, at(0, "3000"), now, LIMITS)).isEmpty();
        assertThat(OraclePrices.check(last, at(0, "0"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.INVALID_PRICE);
        assertThat(OraclePrices.check(last, at(-1, "2000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.FUTURE_PRICE);
        assertThat(OraclePrices.check(last, at(2, "2000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.STALE_PRICE);
        assertThat(OraclePrices.check(null, at(6, "2000"), now, LIMITS).orElseThrow().code())
                .isEqualTo(RejectionCode.STALE_PRICE);
        assertThat(OraclePrices.spot(at(6, "2000"), now, LIMITS).rejection().code()).isEqualTo(RejectionCode.NO_PRICE);
        assertThat(OraclePrices.spot(last, now, LIMITS).result()).isEqualTo(Amount.parse("2000"));
    }
}
