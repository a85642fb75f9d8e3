package io.backstop.vault.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionMarkTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final VaultParameters P = VaultParameters.defaults();

    @Test
    void aHoldersPositionIsWorthItsMarkAndHasTheLongSideGreeks() {
        OptionSeries call = new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"),
                NOW.plus(Duration.ofDays(30)));
        PositionMark m = PositionMark.of(call, Quantity.parse("2"), Amount.parse("300"), MarketSnapshot.at(2000), P,
                NOW);
        double perContract = SeriesMark.of(call, MarketSnapshot.at(2000), P, NOW).valuePerContract();
        assertThat(m.value().toDouble()).isCloseTo(2 * perContract, within(0.000002));
        assertThat(m.unrealised()).isEqualTo(m.value().minus(Amount.parse("300")));
        assertThat(m.delta()).isBetween(0.9, 1.3); // two near-the-money calls
        assertThat(m.gamma()).isPositive();
        assertThat(m.vega()).isPositive();
        assertThat(m.theta()).isNegative();
    }

    @Test
    void anExpiredPositionIsWorthItsIntrinsicValueWithNoGreeks() {
        OptionSeries put = new OptionSeries("ETH", "USD", OptionType.PUT, Amount.parse("2000"), NOW.minusSeconds(60));
        PositionMark m = PositionMark.of(put, Quantity.parse("1"), Amount.parse("50"), MarketSnapshot.at(1900), P,
                NOW);
        assertThat(m.value()).isEqualTo(Amount.parse("100"));
        assertThat(m.unrealised()).isEqualTo(Amount.parse("50"));
        assertThat(m.delta()).isZero();
    }
}
