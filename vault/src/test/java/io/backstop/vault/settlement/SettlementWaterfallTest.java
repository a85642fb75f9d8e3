package io.backstop.vault.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waterfall by hand: one call series, strike 2000, two holders of 1 and 2 contracts, 2000 locked. */
class SettlementWaterfallTest {

    private static final OptionSeries CALL = new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"),
            Instant.parse("2026-02-06T08:00:00Z"));
    private static final List<Position> HOLDERS = List.of(
            new Position("t1", "v", "alice", CALL.id(), Quantity.parse("1"), Amount.parse("100"), null, false),
            new Position("t2", "v", "bob", CALL.id(), Quantity.parse("2"), Amount.parse("200"), null, false));
    private static final Amount LOCKED = Amount.parse("2000");

    private static Balances balances(String lpFree, String buffer) {
        Amount free = Amount.parse(lpFree);
        Amount buf = Amount.parse(buffer);
        return new Balances(free.plus(LOCKED).plus(buf), free, LOCKED, buf, Amount.ZERO, Amount.ZERO, Amount.ZERO);
    }

    @Test
    void settlement_paysFromLockedCollateralFirstAndReleasesTheRest() {
        // S = 2500: claims 500 + 1000 = 1500 ≤ 2000 locked.
        SettlementReport r = SettlementWaterfall.settle(CALL, Amount.parse("2500"), LOCKED, balances("5000", "300"), 0,
                HOLDERS);
        assertThat(r.claims()).isEqualTo(Amount.parse("1500"));
        assertThat(r.fromLocked()).isEqualTo(Amount.parse("1500"));
        assertThat(r.fromLpCapital()).isEqualTo(Amount.ZERO);
        assertThat(r.fromBuffer()).isEqualTo(Amount.ZERO);
        assertThat(r.released()).isEqualTo(Amount.parse("500"));
        assertThat(r.payouts()).extracting(SettlementReport.HolderPayout::payout)
                .containsExactly(Amount.parse("500"), Amount.parse("1000"));
        assertThat(r.payoutRatio()).isEqualTo(1.0);
    }

    @Test
    void settlement_drawsLpCapitalOnlyAfterLockedCollateral() {
        // S = 3500: claims 1500 + 3000 = 4500: 2000 locked, 2500 LP free.
        SettlementReport r = SettlementWaterfall.settle(CALL, Amount.parse("3500"), LOCKED, balances("5000", "300"), 0,
                HOLDERS);
        assertThat(r.fromLocked()).isEqualTo(Amount.parse("2000"));
        assertThat(r.fromLpCapital()).isEqualTo(Amount.parse("2500"));
        assertThat(r.fromBuffer()).isEqualTo(Amount.ZERO);
        assertThat(r.socialisedLoss()).isEqualTo(Amount.ZERO);
    }

    @Test
    void settlement_drawsBufferOnlyAfterLpCapitalIsExhausted() {
        // S = 4000: claims 2000 + 4000 = 6000: 2000 locked, 3500 LP free, 500 of the 800 buffer.
        SettlementReport r = SettlementWaterfall.settle(CALL, Amount.parse("4000"), LOCKED, balances("3500", "800"), 0,
                HOLDERS);
        assertThat(r.fromLpCapital()).isEqualTo(Amount.parse("3500"));
        assertThat(r.fromBuffer()).isEqualTo(Amount.parse("500"));
        assertThat(r.socialisedLoss()).isEqualTo(Amount.ZERO);
        assertThat(r.paid()).isEqualTo(Amount.parse("6000"));
    }

    @Test
    void settlement_keepsTheProtectedLpFloor() {
        // lpProtectedFraction 0.1 of LP capital (3500 + 2000) = 550 stays with the LPs; the buffer pays more.
        SettlementReport r = SettlementWaterfall.settle(CALL, Amount.parse("4000"), LOCKED, balances("3500", "2000"),
                0.1, HOLDERS);
        assertThat(r.fromLpCapital()).isEqualTo(Amount.parse("2950"));
        assertThat(r.fromBuffer()).isEqualTo(Amount.parse("1050"));
    }

    @Test
    void settlement_socialisesProRataWhenEveryLayerIsExhausted() {
        // S = 3000: claims 1000 + 2000 = 3000; available 2000 + 500 + 300 = 2800, ratio 14/15.
        SettlementReport r = SettlementWaterfall.settle(CALL, Amount.parse("3000"), LOCKED, balances("500", "300"), 0,
                HOLDERS);
        assertThat(r.fromBuffer()).isEqualTo(Amount.parse("300"));
        assertThat(r.socialisedLoss()).isEqualTo(Amount.parse("200"));
        // 1000 × 14/15 = 933.3333333…, 2000 × 14/15 = 1866.6666666…: each rounded down, the unit left is dust.
        assertThat(r.payouts()).extracting(SettlementReport.HolderPayout::payout)
                .containsExactly(Amount.parse("933.333333"), Amount.parse("1866.666666"));
        assertThat(r.paid()).isEqualTo(Amount.parse("2799.999999"));
        assertThat(r.dust()).isEqualTo(Amount.parse("0.000001"));
        assertThat(r.payoutRatio()).isEqualTo(2800.0 / 3000);
    }

    @Test
    void settlement_outOfTheMoneyReleasesEverything() {
        SettlementReport r = SettlementWaterfall.settle(CALL, Amount.parse("1999.99"), LOCKED, balances("10", "0"), 0,
                HOLDERS);
        assertThat(r.claims()).isEqualTo(Amount.ZERO);
        assertThat(r.released()).isEqualTo(LOCKED);
        assertThat(r.payoutRatio()).isEqualTo(1.0);
    }
}
