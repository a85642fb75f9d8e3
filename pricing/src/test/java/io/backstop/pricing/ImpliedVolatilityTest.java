package io.backstop.pricing;

import static io.backstop.pricing.OptionType.CALL;
import static io.backstop.pricing.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {

    /** Relative accuracy in σ attainable from a perfectly priced option. */
    private static final double VOL_REL_TOL = 4e-15;
    /** Attainable accuracy from the price's last place: ULPS_OF_PRICE·ulp(price)/vega. */
    private static final double ULPS_OF_PRICE = 8;

    @Test
    void roundTrip_recoversTheVolatilityToMachinePrecisionOverAWideGrid() {
        double[] moneyness = {0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0, 1.01, 1.05, 1.1, 1.25, 1.5, 2, 3, 4, 5};
        double[] expiries = {1 / 365.0, 2 / 365.0, 7 / 365.0, 30 / 365.0, 0.25, 0.5, 1, 2, 5};
        double[] vols = {0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.5, 2, 3};
        double[][] carries = {{0, 0}, {0.05, 0.01}, {-0.005, 0.04}};
        int checked = 0;
        int tiny = 0;
        double worst = 0;
        for (OptionType type : OptionType.values()) {
            for (double m : moneyness) {
                for (double t : expiries) {
                    for (double vol : vols) {
                        for (double[] carry : carries) {
                            double spot = 100;
                            double strike = spot * m;
                            double price = BlackScholesMerton.price(type, spot, strike, t, carry[0], carry[1], vol);
                            double vega = BlackScholesMerton.vega(type, spot, strike, t, carry[0], carry[1], vol);
                            if (!insideBounds(type, spot, strike, t, carry[0], carry[1], price) || price < 1e-300) {
                                continue; // the price rounded onto a bound: no unique volatility left to recover
                            }
                            double implied = ImpliedVolatility.of(type, spot, strike, t, carry[0], carry[1], price);
                            double tolerance = Math.max(ULPS_OF_PRICE * Math.ulp(price) / vega, VOL_REL_TOL * vol);
                            String at = String.format("%s K=%s T=%s vol=%s r=%s q=%s price=%s", type, strike, t, vol,
                                    carry[0], carry[1], price);
                            assertThat(implied).as(at).isCloseTo(vol, within(tolerance));
                            worst = Math.max(worst, Math.abs(implied - vol) / tolerance);
                            checked++;
                            if (price < 1e-50) {
                                tiny++;
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("implied vol: %d round trips (%d with prices below 1e-50); worst error / tolerance %.3g%n",
                checked, tiny, worst);
        assertThat(checked).isGreaterThan(6000);
        assertThat(tiny).isGreaterThan(100);
    }

    private static boolean insideBounds(OptionType type, double spot, double strike, double t, double r, double q,
            double price) {
        double spotLeg = spot * Math.exp(-q * t);
        double strikeLeg = strike * Math.exp(-r * t);
        double intrinsic = BlackScholesMerton.intrinsicValue(type, type.sign()
                * PricingInputs.logMoneyness(spot, strike, t, r, q), spotLeg, strikeLeg,
                Math.sqrt(spotLeg) * Math.sqrt(strikeLeg));
        return price > intrinsic && price < (type == CALL ? spotLeg : strikeLeg);
    }

    @Test
    void roundTrip_handlesExtremePricesAndLowVega() {
        // A one-week 10% vol call struck 50% out of the money: h = x/s ≈ −29, a price near 1e-185.
        double vol = 0.1;
        double price = BlackScholesMerton.price(CALL, 100, 150, 7 / 365.0, 0, 0, vol);
        assertThat(price).isLessThan(1e-100).isPositive();
        assertThat(ImpliedVolatility.of(CALL, 100, 150, 7 / 365.0, 0, 0, price)).isCloseTo(vol, within(4e-15 * vol));
        double deepPut = BlackScholesMerton.price(PUT, 100, 20, 2, 0.01, 0, 0.2);
        assertThat(ImpliedVolatility.of(PUT, 100, 20, 2, 0.01, 0, deepPut)).isCloseTo(0.2, within(1e-13));
    }

    /**
     * Below 2^−960 the normalised price β loses digits to underflow long before the price does (β is subnormal at
     * a price of 1e-305 on a spot of 2000), so the solver takes ln β from the price; subnormal prices round-trip
     * too, within what their fewer digits allow.
     */
    @Test
    void roundTrip_pricesWhoseNormalisedValueUnderflows() {
        double[][] options = {{2000, 2000 * Math.exp(0.3), 1 / 365.0, 0.149, 0.160}, // one day, 30% out
            {2000, 2000 * Math.exp(-0.3), 1 / 365.0, 0.149, 0.160},
            {100, 100 * Math.exp(3), 1, 0.078, 0.085}};                                  // a year, e³ out
        int subnormal = 0;
        int belowDirect = 0;
        for (OptionType type : OptionType.values()) {
            for (double[] o : options) {
                double spot = o[0];
                double strike = o[1];
                if ((type == CALL) != (strike > spot)) {
                    continue; // out of the money only: in the money the time value is far below the intrinsic's ulp
                }
                for (double vol = o[3]; vol <= o[4]; vol += 0.0001) {
                    double price = BlackScholesMerton.price(type, spot, strike, o[2], 0, 0, vol);
                    double vega = BlackScholesMerton.vega(type, spot, strike, o[2], 0, 0, vol);
                    if (!(price > 0) || !(vega > 0)) {
                        continue;
                    }
                    double implied = ImpliedVolatility.of(type, spot, strike, o[2], 0, 0, price);
                    double tolerance = Math.max(ULPS_OF_PRICE * Math.ulp(price) / vega, VOL_REL_TOL * vol);
                    assertThat(implied).as("%s K=%s vol=%s price=%s", type, strike, vol, price)
                            .isCloseTo(vol, within(tolerance));
                    subnormal += price < Double.MIN_NORMAL ? 1 : 0;
                    double scale = Math.sqrt(spot * strike);
                    belowDirect += price >= Double.MIN_NORMAL && price / scale < NormalisedBlack.SMALLEST_DIRECT_PRICE
                            ? 1 : 0;
                }
            }
        }
        assertThat(subnormal).isGreaterThan(20);
        assertThat(belowDirect).isGreaterThan(40);
    }

    /**
     * Seeded random options far beyond the vault's range (spot e^−5 to e^10, strikes e^±3 around it, 0.9 hours to
     * ten years, volatility 0.5% to 500%, rates −2% to 10%, yields to 5%): every normal price inside the bounds
     * round-trips within the attainable accuracy. Before prices below 2^−960·scale were solved in logarithms, about
     * one in 2,500 of these came back wrong.
     */
    @Test
    void roundTrip_holdsOverRandomOptions() {
        SplittableRandom random = new SplittableRandom(1);
        int checked = 0;
        for (int i = 0; i < 300_000; i++) {
            OptionType type = random.nextBoolean() ? CALL : PUT;
            double spot = Math.exp(random.nextDouble(-5, 10));
            double strike = spot * Math.exp(random.nextDouble(-3, 3));
            double t = Math.exp(random.nextDouble(Math.log(1e-4), Math.log(10)));
            double vol = Math.exp(random.nextDouble(Math.log(0.005), Math.log(5)));
            double r = random.nextDouble(-0.02, 0.1);
            double q = random.nextDouble(0, 0.05);
            double price = BlackScholesMerton.price(type, spot, strike, t, r, q, vol);
            double vega = BlackScholesMerton.vega(type, spot, strike, t, r, q, vol);
            if (!insideBounds(type, spot, strike, t, r, q, price) || price < Double.MIN_NORMAL || !(vega > 0)) {
                continue;
            }
            double tolerance = Math.max(ULPS_OF_PRICE * Math.ulp(price) / vega, VOL_REL_TOL * vol);
            assertThat(ImpliedVolatility.of(type, spot, strike, t, r, q, price))
                    .as("%s S=%s K=%s T=%s vol=%s r=%s q=%s price=%s", type, spot, strike, t, vol, r, q, price)
                    .isCloseTo(vol, within(tolerance));
            checked++;
        }
        assertThat(checked).isGreaterThan(100_000);
    }

    @Test
    void atTheMoney_usesTheClosedForm() {
        for (double vol : new double[] {1e-4, 0.01, 0.2, 1, 3, 8}) {
            double price = BlackScholesMerton.price(CALL, 2000, 2000, 0.25, 0.0, 0.0, vol);
            double implied = ImpliedVolatility.of(CALL, 2000, 2000, 0.25, 0.0, 0.0, price);
            double vega = BlackScholesMerton.vega(CALL, 2000, 2000, 0.25, 0, 0, vol);
            assertThat(implied).as("vol %s", vol)
                    .isCloseTo(vol, within(Math.max(8 * Math.ulp(price) / vega, 4e-15 * vol)));
        }
    }

    @Test
    void priceAtTheLowerBound_impliesZeroVolatility() {
        assertThat(ImpliedVolatility.of(CALL, 100, 120, 0.5, 0, 0, 0)).isZero();
    }

    @Test
    void pricesOutsideTheBounds_haveNoSolutionWithATypedReason() {
        assertThatThrownBy(() -> ImpliedVolatility.of(CALL, 100, 90, 1, 0, 0, 9.5))
                .isInstanceOfSatisfying(NoImpliedVolatilityException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoImpliedVolatilityException.Reason.BELOW_INTRINSIC))
                .hasMessageStartingWith("no implied volatility: price 9.5 is below the intrinsic value 10.0");
        assertThatThrownBy(() -> ImpliedVolatility.of(CALL, 100, 90, 1, 0, 0, 100))
                .isInstanceOfSatisfying(NoImpliedVolatilityException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoImpliedVolatilityException.Reason.AT_OR_ABOVE_MAXIMUM))
                .hasMessage("no implied volatility: price 100.0 is at or above the maximum 100.0 a call can be worth");
        assertThatThrownBy(() -> ImpliedVolatility.of(PUT, 100, 90, 1, 0, 0, 95))
                .isInstanceOf(NoImpliedVolatilityException.class);
    }

    @Test
    void badInputs_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> ImpliedVolatility.of(CALL, 100, 90, 0, 0, 0, 10))
                .hasMessage("expiry must be positive and finite, was 0.0");
        assertThatThrownBy(() -> ImpliedVolatility.of(CALL, 100, 90, 1, 0, 0, -1))
                .hasMessage("price must be non-negative and finite, was -1.0");
        assertThatThrownBy(() -> ImpliedVolatility.of(CALL, 100, 90, 1, 0, 0, Double.NaN))
                .hasMessage("price must be non-negative and finite, was NaN");
    }
}
