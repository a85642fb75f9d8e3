package io.backstop.pricing;

import static io.backstop.pricing.OptionType.CALL;
import static io.backstop.pricing.OptionType.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlackScholesMertonTest {

    /**
     * Prices so small that the normalised price b is subnormal before the scale multiplies it (a one-day option
     * 30% out of the money at 15% volatility) keep every digit the result can hold. References: mpmath at 100
     * digits on the same binary inputs, S = 2000, K = 2000·e^{±0.3}, T = 1/365, r = q = 0.
     */
    @Test
    void pricesBelowTheNormalRange_areWithinAnUlpOfTheReference() {
        double callStrike = 2000 * Math.exp(0.3);
        double putStrike = 2000 * Math.exp(-0.3);
        double t = 1 / 365.0;
        Object[][] cases = {
            {CALL, callStrike, 0.152, 9.272164366200168926211583e-312},
            {CALL, callStrike, 0.151, 7.172824797148125537970001e-316},
            {CALL, callStrike, 0.1505, 5.877410255416751948311099e-318},
            {PUT, putStrike, 0.152, 6.868988307637125106480506e-312},
            {PUT, putStrike, 0.151, 5.313759303485203759008422e-316},
            {PUT, putStrike, 0.1505, 4.354092607634505121751862e-318},
        };
        for (Object[] c : cases) {
            double reference = (double) c[3];
            double price = BlackScholesMerton.price((OptionType) c[0], 2000, (double) c[1], t, 0, 0, (double) c[2]);
            assertThat(price).as("%s vol %s", c[0], c[2]).isCloseTo(reference, within(Math.ulp(reference)));
        }
    }

    /** Published values are given to four decimals. */
    private static final double PUBLISHED_TOL = 1e-4;
    /** Relative error allowed for prices of at least 1e-6·S. */
    private static final double PRICE_TOL = 1e-14;
    private static final double EPS = Math.ulp(1.0);
    private static final double PARITY_TOL = 1e-13;
    private static final double FD_TOL = 1e-6;

    @ParameterizedTest(name = "{0} S={1} K={2} T={3} r={4} q={5} vol={6} -> {7}")
    @CsvSource({
        // Haug (1998), as tabulated in QuantLib's test-suite/europeanoption.cpp
        "call, 60, 65, 0.25, 0.08, 0.00, 0.30, 2.1334",
        "put, 100, 95, 0.50, 0.10, 0.05, 0.20, 2.4648",
        "call, 100, 100, 0.10, 0.10, 0.10, 0.15, 1.8734",
        // Hull, Options, Futures and Other Derivatives, example 15.6
        "call, 42, 40, 0.50, 0.10, 0.00, 0.20, 4.7594",
        "put, 42, 40, 0.50, 0.10, 0.00, 0.20, 0.8086",
    })
    void price_matchesPublishedValues(String type, double spot, double strike, double expiry, double rate,
            double dividend, double vol, double expected) {
        double price = BlackScholesMerton.price(OptionType.parse(type), spot, strike, expiry, rate, dividend, vol);
        assertThat(price).isCloseTo(expected, within(PUBLISHED_TOL));
    }

    @Test
    void price_matchesSixtyDigitReferenceWithinTheAttainableAccuracy() {
        double worstLarge = 0;
        double worstRatio = 0;
        int compared = 0;
        for (ReferenceGrid.Row row : ReferenceGrid.rows()) {
            double price = BlackScholesMerton.price(row.type(), row.spot(), row.strike(), row.expiry(), row.rate(),
                    row.dividend(), row.vol());
            assertThat(price).as("%s", row).isFinite().isGreaterThanOrEqualTo(0);
            if (row.price().compareTo(BigDecimal.valueOf(1e-300)) < 0) {
                assertThat(price).as("%s", row).isLessThan(1e-290);
                continue;
            }
            double relative = new BigDecimal(price).subtract(row.price()).abs()
                    .divide(row.price(), MathContext.DECIMAL64).doubleValue();
            if (price >= 1e-6 * row.spot()) {
                worstLarge = Math.max(worstLarge, relative);
                assertThat(relative).as("%s", row).isLessThanOrEqualTo(PRICE_TOL);
            }
            // The attainable bound (1 + |s·∂b/∂s / b|)·ε of the normalised price for exact (x, s), plus the
            // conditioning |x·∂b/∂x / b| in the log-moneyness, which rounding of S/K and (r − q)·T perturbs.
            double x = row.type().sign() * row.x();
            double s = row.totalVol();
            double b = NormalisedBlack.call(x, s);
            double h = x / s;
            double bx = 0.5 * (Math.exp(0.5 * x) * StandardNormal.cdf(h + 0.5 * s)
                    + Math.exp(-0.5 * x) * StandardNormal.cdf(h - 0.5 * s));
            double condition = 1 + Math.abs(s * NormalisedBlack.vega(x, s) / b) + Math.abs(x * bx / b);
            double ratio = relative / (condition * EPS);
            worstRatio = Math.max(worstRatio, ratio);
            assertThat(ratio).as("%s: relative error %s, condition %s", row, relative, condition).isLessThan(8);
            compared++;
        }
        System.out.printf("reference: %d prices compared; worst relative error (price >= 1e-6 S) %.3g;"
                + " worst error / attainable bound %.3g%n", compared, worstLarge, worstRatio);
        assertThat(compared).isGreaterThan(4000);
    }

    @Test
    void putCallParity_holdsOverAGrid() {
        for (double m : new double[] {0.2, 0.6, 0.9, 1.0, 1.1, 1.7, 5}) {
            for (double t : new double[] {1 / 365.0, 0.1, 1, 5}) {
                for (double vol : new double[] {0.01, 0.3, 1.2, 3}) {
                    double spot = 2000;
                    double strike = spot * m;
                    double call = BlackScholesMerton.price(CALL, spot, strike, t, 0.04, 0.01, vol);
                    double put = BlackScholesMerton.price(PUT, spot, strike, t, 0.04, 0.01, vol);
                    double forward = spot * Math.exp(-0.01 * t) - strike * Math.exp(-0.04 * t);
                    assertThat(call - put).isCloseTo(forward, within(PARITY_TOL * Math.max(spot, strike)));
                }
            }
        }
    }

    @Test
    void greeks_matchCentralFiniteDifferences() {
        for (OptionType type : OptionType.values()) {
            for (double strike : new double[] {70, 95, 100, 104, 140}) {
                for (double t : new double[] {0.05, 0.5, 2}) {
                    for (double vol : new double[] {0.1, 0.35, 0.9}) {
                        checkGreeks(type, 100, strike, t, 0.03, 0.015, vol);
                    }
                }
            }
        }
    }

    private static void checkGreeks(OptionType type, double spot, double strike, double t, double r, double q,
            double vol) {
        OptionGreeks g = BlackScholesMerton.greeks(type, spot, strike, t, r, q, vol);
        String at = type + " K=" + strike + " T=" + t + " vol=" + vol;
        assertThat(g.price()).as(at).isEqualTo(BlackScholesMerton.price(type, spot, strike, t, r, q, vol));
        assertThat(g.delta()).as("delta " + at)
                .isCloseTo(derivative(h -> BlackScholesMerton.price(type, spot + h, strike, t, r, q, vol), 1e-3),
                        within(FD_TOL));
        assertThat(g.gamma()).as("gamma " + at).isCloseTo(
                derivative(h -> BlackScholesMerton.greeks(type, spot + h, strike, t, r, q, vol).delta(), 1e-3),
                within(FD_TOL));
        assertThat(g.vega()).as("vega " + at).isCloseTo(
                derivative(h -> BlackScholesMerton.price(type, spot, strike, t, r, q, vol + h), 1e-5),
                within(FD_TOL * 100));
        assertThat(g.theta()).as("theta " + at).isCloseTo(
                -derivative(h -> BlackScholesMerton.price(type, spot, strike, t + h, r, q, vol), 1e-6),
                within(FD_TOL * 100));
        assertThat(g.rho()).as("rho " + at).isCloseTo(
                derivative(h -> BlackScholesMerton.price(type, spot, strike, t, r + h, q, vol), 1e-6),
                within(FD_TOL * 100));
        assertThat(g.vanna()).as("vanna " + at).isCloseTo(
                derivative(h -> BlackScholesMerton.greeks(type, spot, strike, t, r, q, vol + h).delta(), 1e-5),
                within(FD_TOL * 10));
        assertThat(g.volga()).as("volga " + at).isCloseTo(
                derivative(h -> BlackScholesMerton.greeks(type, spot, strike, t, r, q, vol + h).vega(), 1e-5),
                within(FD_TOL * 100));
    }

    private static double derivative(DoubleUnaryOperator f, double h) {
        return (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
    }

    @Test
    void price_atExpiryIsTheIntrinsicValue() {
        assertThat(BlackScholesMerton.price(CALL, 110, 100, 0, 0.05, 0.02, 0.3)).isEqualTo(10);
        assertThat(BlackScholesMerton.price(PUT, 110, 100, 0, 0.05, 0.02, 0.3)).isZero();
        assertThat(BlackScholesMerton.price(PUT, 90, 100, 0, 0.05, 0.02, 0.3)).isEqualTo(10);
        OptionGreeks atStrike = BlackScholesMerton.greeks(CALL, 100, 100, 0, 0.05, 0, 0.3);
        assertThat(atStrike.delta()).isEqualTo(0.5);
        assertThat(atStrike.gamma()).isZero();
    }

    @Test
    void price_atZeroVolatilityIsTheDiscountedForwardIntrinsicValue() {
        double t = 0.5;
        double forwardValue = 100 * Math.exp(-0.01 * t) - 90 * Math.exp(-0.05 * t);
        assertThat(BlackScholesMerton.price(CALL, 100, 90, t, 0.05, 0.01, 0)).isCloseTo(forwardValue, within(1e-13));
        assertThat(BlackScholesMerton.price(PUT, 100, 90, t, 0.05, 0.01, 0)).isZero();
        OptionGreeks g = BlackScholesMerton.greeks(CALL, 100, 90, t, 0.05, 0.01, 0);
        assertThat(g.delta()).isCloseTo(Math.exp(-0.01 * t), within(1e-15));
        assertThat(g.vega()).isZero();
        assertThat(g.rho()).isCloseTo(90 * t * Math.exp(-0.05 * t), within(1e-12));
    }

    @Test
    void price_neverLeavesTheNoArbitrageBoundsOrTurnsNaN() {
        double[] strikes = {1e-8, 1e-3, 1, 50, 100, 200, 1e5, 1e12};
        double[] vols = {0, 1e-12, 1e-4, 0.5, 5, 50, 1e4};
        double[] expiries = {0, 1e-9, 1 / 365.0, 1, 30, 1000};
        for (OptionType type : OptionType.values()) {
            for (double strike : strikes) {
                for (double vol : vols) {
                    for (double t : expiries) {
                        double price = BlackScholesMerton.price(type, 100, strike, t, 0.03, 0.01, vol);
                        double spotLeg = 100 * Math.exp(-0.01 * t);
                        double strikeLeg = strike * Math.exp(-0.03 * t);
                        double upper = type == CALL ? spotLeg : strikeLeg;
                        // The intrinsic value of the forward, less the rounding of the legs' difference.
                        double lower = Math.max(type.sign() * (spotLeg - strikeLeg), 0)
                                - 2 * Math.ulp(Math.max(spotLeg, strikeLeg));
                        String at = type + " K=" + strike + " vol=" + vol + " T=" + t;
                        assertThat(price).as(at).isNotNaN().isBetween(t == 0 ? 0 : lower, t == 0 ? 1e12 : upper);
                        OptionGreeks g = BlackScholesMerton.greeks(type, 100, strike, t, 0.03, 0.01, vol);
                        assertThat(new double[] {g.delta(), g.gamma(), g.vega(), g.theta(), g.rho()})
                                .as(at).doesNotContain(Double.NaN);
                    }
                }
            }
        }
    }

    /** A reference row's forward terms, as priceFromLegs and the time value take them. */
    private record ForwardTerms(ReferenceGrid.Row row, double x, double s, double spotLeg, double strikeLeg) {
    }

    /** The forward terms of every reference row before expiry. */
    private static List<ForwardTerms> forwardTerms() {
        List<ForwardTerms> terms = new ArrayList<>();
        for (ReferenceGrid.Row row : ReferenceGrid.rows()) {
            if (row.expiry() > 0) {
                terms.add(new ForwardTerms(row, BlackScholesMerton.logMoneyness(row.spot(), row.strike(),
                        row.expiry(), row.rate(), row.dividend()), row.vol() * Math.sqrt(row.expiry()),
                        row.spot() * Math.exp(-row.dividend() * row.expiry()),
                        row.strike() * Math.exp(-row.rate() * row.expiry())));
            }
        }
        assertThat(terms).hasSizeGreaterThan(4000);
        return terms;
    }

    @Test
    void priceFromLegs_isThePriceOfTheSameForwardTerms() {
        for (ForwardTerms f : forwardTerms()) {
            ReferenceGrid.Row row = f.row();
            assertThat(BlackScholesMerton.priceFromLegs(row.type(), f.x(), f.s(), f.spotLeg(), f.strikeLeg()))
                    .as("%s", row).isEqualTo(BlackScholesMerton.price(row.type(), row.spot(), row.strike(),
                            row.expiry(), row.rate(), row.dividend(), row.vol()));
        }
        // Zero total volatility is the discounted intrinsic value of the forward, as in price.
        assertThat(BlackScholesMerton.priceFromLegs(PUT, Math.log(0.5), 0, 50, 100)).isEqualTo(50);
        assertThatThrownBy(() -> BlackScholesMerton.priceFromLegs(CALL, Double.NaN, 0.2, 100, 100))
                .hasMessage("log-moneyness must be finite, was NaN");
        assertThatThrownBy(() -> BlackScholesMerton.priceFromLegs(CALL, 0, 0.2, 0, 100))
                .hasMessage("spot leg must be positive and finite, was 0.0");
        assertThatThrownBy(() -> BlackScholesMerton.priceFromLegs(PUT, 0, -0.1, 100, 100))
                .hasMessage("total volatility must be non-negative and finite, was -0.1");
    }

    @Test
    void oneTimeValue_pricesTheCallAndThePutOfTheSameTermsToTheBit() {
        for (ForwardTerms f : forwardTerms()) {
            double timeValue = BlackScholesMerton.timeValueFromLegs(f.x(), f.s(), f.spotLeg(), f.strikeLeg());
            for (OptionType type : OptionType.values()) {
                assertThat(BlackScholesMerton.priceFromTimeValue(type, f.x(), timeValue, f.spotLeg(), f.strikeLeg()))
                        .as("%s %s", type, f.row())
                        .isEqualTo(BlackScholesMerton.priceFromLegs(type, f.x(), f.s(), f.spotLeg(), f.strikeLeg()));
            }
            // The time value is the out-of-the-money side's price.
            assertThat(timeValue).isEqualTo(BlackScholesMerton.priceFromLegs(f.x() >= 0 ? PUT : CALL, f.x(), f.s(),
                    f.spotLeg(), f.strikeLeg()));
        }
        assertThatThrownBy(() -> BlackScholesMerton.priceFromTimeValue(CALL, 0, -1, 100, 100))
                .hasMessage("time value must be non-negative and finite, was -1.0");
        assertThatThrownBy(() -> BlackScholesMerton.timeValueFromLegs(0, 0.2, 100, Double.NaN))
                .hasMessage("strike leg must be positive and finite, was NaN");
    }

    @Test
    void badInputs_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> BlackScholesMerton.price(CALL, -3, 100, 1, 0, 0, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("spot must be positive and finite, was -3.0");
        assertThatThrownBy(() -> BlackScholesMerton.price(CALL, 100, 0, 1, 0, 0, 0.2))
                .hasMessage("strike must be positive and finite, was 0.0");
        assertThatThrownBy(() -> BlackScholesMerton.price(PUT, 100, 100, -1, 0, 0, 0.2))
                .hasMessage("expiry must be non-negative and finite, was -1.0");
        assertThatThrownBy(() -> BlackScholesMerton.price(PUT, 100, 100, 1, 0, 0, Double.NaN))
                .hasMessage("vol must be non-negative and finite, was NaN");
        assertThatThrownBy(() -> BlackScholesMerton.price(PUT, Double.POSITIVE_INFINITY, 100, 1, 0, 0, 0.2))
                .hasMessage("spot must be positive and finite, was Infinity");
        assertThatThrownBy(() -> BlackScholesMerton.greeks(PUT, 100, 100, 1, Double.NaN, 0, 0.2))
                .hasMessage("rate must be finite, was NaN");
        assertThatThrownBy(() -> OptionType.parse("straddle"))
                .hasMessage("option type must be 'call' or 'put', was 'straddle'");
    }
}
