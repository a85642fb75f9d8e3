package io.backstop.vault.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Pricing;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StressScenariosTest {

    private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");
    private static final double[] SPOT_MOVES = {-1.0, -0.5, -0.33, -0.2, -0.1, 0.1, 0.2, 0.33, 0.5, 1.0};
    private static final double[] VOL_MOVES = {-0.3, 0.3};

    /**
     * Every scenario is the textbook definition: the series priced by Black-Scholes-Merton at the shocked spot,
     * at the surface's volatility there (plus shift) scaled by the volatility move; −100% is the limit at zero spot.
     */
    @ParameterizedTest(name = "{0} K={1} {2}h to expiry, spot {3}, shift {4}")
    @CsvSource({
        "call, 2400, 720, 2000, 0.0",
        "put, 1600, 432, 2000, 0.1",
        "call, 1950, 6, 2000, -0.05",
        "put, 2000, 8760, 2000, 0.0",
        "put, 5000, 24, 2000, 0.3",
        "call, 50, 2000, 2000, 0.0",
    })
    void everyScenario_isTheSeriesPricedAtTheShockedSpotAndVolatility(String type, long strike, long hours,
            double spot, double shift) {
        VaultParameters p = VaultParameters.defaults().with(Map.of("rate", "0.04", "dividendYield", "0.01"), null);
        OptionSeries series = new OptionSeries("ETH", "USD", OptionType.parse(type),
                Amount.ofUnits(strike * Amount.ONE), NOW.plus(Duration.ofHours(hours)));
        MarketSnapshot market = new MarketSnapshot(spot, shift);

        double[] values = StressScenarios.valuesPerContract(series, market, p, NOW);

        assertThat(values).hasSize(StressScenarios.COUNT);
        double t = Pricing.yearsBetween(NOW, series.expiry());
        int i = 0;
        for (double spotMove : SPOT_MOVES) {
            double shocked = spot * (1 + spotMove);
            for (double volMove : VOL_MOVES) {
                double expected;
                if (spotMove == -1.0) {
                    expected = series.type() == OptionType.CALL ? 0 : strike * Math.exp(-p.rate() * t);
                } else {
                    double vol = Pricing.volatility(series, new MarketSnapshot(shocked, shift), p, NOW) * (1 + volMove);
                    expected = BlackScholesMerton.price(series.type(), shocked, strike, t, p.rate(), p.dividendYield(),
                            vol);
                }
                assertThat(values[i]).as("scenario %d: spot %+.2f, vol %+.1f", i, spotMove, volMove)
                        .isCloseTo(expected, within(1e-12 * Math.max(expected, 1e-3)));
                i++;
            }
        }
    }

    /** At expiry every scenario is the intrinsic value at its shocked spot. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"call", "put"})
    void atExpiry_everyScenarioIsTheIntrinsicValue(String type) {
        VaultParameters p = VaultParameters.defaults();
        OptionSeries series = new OptionSeries("ETH", "USD", OptionType.parse(type), Amount.ofUnits(2100 * Amount.ONE),
                NOW);

        double[] values = StressScenarios.valuesPerContract(series, MarketSnapshot.at(2000), p, NOW);

        int i = 0;
        for (double spotMove : SPOT_MOVES) {
            double intrinsic = Math.max(series.type().sign() * (2000 * (1 + spotMove) - 2100), 0);
            for (int v = 0; v < VOL_MOVES.length; v++) {
                assertThat(values[i++]).isCloseTo(intrinsic, within(1e-9));
            }
        }
    }
}
