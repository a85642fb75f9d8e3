package io.backstop.vault.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.shares.LpAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferSizingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final MarketSnapshot AT_2000 = MarketSnapshot.at(2000);

    @Test
    void aThinlyCollateralisedBookNeedsABufferAndTheSameSeedGivesTheSameSizing() {
        VaultState vault = funded(Map.of("callCollateralFactor", "0.2"));
        OptionSeries call = new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"),
                NOW.plus(Duration.ofDays(14)));
        var quote = VaultEngine.quote(vault, call, Quantity.parse("15"), "bob", AT_2000, NOW).result();
        var trade = VaultEngine.buy(quote.vault(), null, quote.quote(), null, "bob", AT_2000, NOW).result();
        List<SeriesBook> book = List.of(trade.series());

        BufferSizing sized = BufferSizing.run(trade.vault(), book, 2000, 2_000, 30, 42, 0.01, NOW, 2);
        assertThat(sized.bookVersion()).isEqualTo(trade.vault().sequence());
        assertThat(sized.cvar99()).isGreaterThanOrEqualTo(sized.var99());
        assertThat(sized.cvar999()).isGreaterThanOrEqualTo(sized.cvar99());
        assertThat(sized.var99().isPositive()).isTrue(); // 15 calls on 3,000 of collateral: a rally costs LP capital and more
        assertThat(sized.bufferDrawProbability()).isGreaterThan(0.01);
        assertThat(sized.recommendedBuffer()).isGreaterThan(trade.vault().balances().buffer());
        assertThat(sized.model()).startsWith("GBM, spot 2000, volatility 0.8000");
        // Reproducible: the seed and the inputs are the sizing.
        assertThat(BufferSizing.run(trade.vault(), book, 2000, 2_000, 30, 42, 0.01, NOW, 1)).isEqualTo(sized);
    }

    @Test
    void aSizingIsStaleAfterTwoIntervalsOrOnAnotherBook() {
        VaultState vault = funded(Map.of());
        BufferSizing sized = BufferSizing.run(vault, List.of(), 2000, 100, 30, 7, 0.01, NOW, 1);
        Duration hour = Duration.ofHours(1);
        assertThat(sized.staleness(vault, NOW.plus(hour.multipliedBy(2)), hour)).isNull();
        assertThat(sized.staleness(vault, NOW.plus(hour.multipliedBy(2)).plusSeconds(1), hour))
                .isEqualTo("sized at " + NOW + ", more than PT2H ago");
        OptionSeries call = new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"),
                NOW.plus(Duration.ofDays(14)));
        var quote = VaultEngine.quote(vault, call, Quantity.parse("1"), "bob", AT_2000, NOW).result();
        VaultState traded = VaultEngine.buy(quote.vault(), null, quote.quote(), null, "bob", AT_2000, NOW).result()
                .vault();
        assertThat(sized.staleness(traded, NOW, hour)).startsWith("sized on book version " + vault.sequence());
    }

    @Test
    void aVaultWithNothingSoldNeedsNoBuffer() {
        VaultState vault = funded(Map.of());
        BufferSizing sized = BufferSizing.run(vault, List.of(), 2000, 500, 30, 7, 0.01, NOW, 1);
        assertThat(sized.cvar999()).isEqualTo(Amount.ZERO);
        assertThat(sized.bufferDrawProbability()).isZero();
        assertThat(sized.recommendedBuffer()).isEqualTo(Amount.ZERO);
    }

    /** A vault opened with these parameters and 10,000 of LP capital. */
    private static VaultState funded(Map<String, String> parameters) {
        VaultState vault = VaultEngine.open("v", "ETH", "USD", parameters, "ops", NOW).result();
        return VaultEngine.deposit(vault, LpAccount.open("v", "alice"), Amount.parse("10000"), Valuation.NONE, NOW)
                .result().vault();
    }
}
