package io.backstop.pricing;

import static io.backstop.pricing.StandardNormal.ONE_OVER_SQRT_TWO;
import static io.backstop.pricing.StandardNormal.ONE_OVER_SQRT_TWO_PI;
import static io.backstop.pricing.StandardNormal.SQRT_PI_OVER_TWO;

/**
 * The normalised Black call price b(x, s) = Φ(x/s + s/2)·e^{x/2} − Φ(x/s − s/2)·e^{−x/2}, with log-moneyness
 * x = ln(F/K) and total volatility s = σ√T; the undiscounted call price is √(F·K)·b(x, s) and the put price is
 * √(F·K)·b(−x, s).
 *
 * <p>The textbook difference of two cumulative normals cancels for out-of-the-money options and loses up to
 * ~4e-10 relative whatever the accuracy of Φ. Following Jäckel ("Let's Be Rational", 2015), this class prices
 * the out-of-the-money side directly and the in-the-money side by parity, and picks one of four formulations by
 * region of (h, t) = (x/s, s/2), h ≤ 0:
 * <ol>
 *   <li>h + t &lt; −9.79, h &lt; −10: an asymptotic series of the Mills-ratio difference (tiny prices, e.g. 1e-50);</li>
 *   <li>t &lt; 0.21: a Taylor series in t of the same difference (short-dated or low-volatility options);</li>
 *   <li>h + t &gt; 0.85: the direct form, whose first term dominates;</li>
 *   <li>otherwise: the scaled complementary error function form ½·e^{−(h²+t²)/2}·[erfcx(−(h+t)/√2) − erfcx(−(h−t)/√2)].</li>
 * </ol>
 * Regions 1 and 2 use Y(z) = Φ(z)/φ(z), for which b = e^{−(h²+t²)/2}/√(2π)·[Y(h+t) − Y(h−t)] exactly; both
 * series are derived here from Y's asymptotic expansion and the recurrence Y⁽ⁿ⁺¹⁾ = n·Y⁽ⁿ⁻¹⁾ + z·Y⁽ⁿ⁾.
 * The relative error stays within a few ulps of the attainable bound (1 + |s·∂b/∂s / b|)·ε.
 */
public final class NormalisedBlack {

    private static final double ASYMPTOTIC_THRESHOLD = -10;
    /** 2·ε^{1/16}: below this t the Taylor series converges in a handful of terms. */
    private static final double SMALL_T_THRESHOLD = 2 * Math.pow(Math.ulp(1.0), 1.0 / 16);
    private static final double DIRECT_FORM_THRESHOLD = 0.85;
    private static final double ROUGH_T_THRESHOLD = 0.01;
    private static final double LOG_ONE_OVER_SQRT_TWO_PI = -0.5 * Math.log(2 * Math.PI);
    private static final double EPSILON = Math.ulp(1.0);
    /**
     * 2^−960, about 1e-289: normalised prices from here up keep every digit, and their product with any scale
     * stays clear of the subnormal range. Below it the price and the implied volatility work with ln b instead.
     */
    static final double SMALLEST_DIRECT_PRICE = 0x1p-960;
    private static final double SINH_SERIES_LIMIT = 0.7;
    /** 1/(2k+1)! for the Taylor series' terms k = 1..7: the integer coefficients stay exact, one rounding each. */
    private static final double INV_FACTORIAL_3 = 1.0 / 6L;
    private static final double INV_FACTORIAL_5 = 1.0 / 120L;
    private static final double INV_FACTORIAL_7 = 1.0 / 5040L;
    private static final double INV_FACTORIAL_9 = 1.0 / 362880L;
    private static final double INV_FACTORIAL_11 = 1.0 / 39916800L;
    private static final double INV_FACTORIAL_13 = 1.0 / 6227020800L;
    private static final double INV_FACTORIAL_15 = 1.0 / 1307674368000L;

    private NormalisedBlack() {
    }

    /**
     * The normalised intrinsic value of a call, max(e^{x/2} − e^{−x/2}, 0) = max(2·sinh(x/2), 0).
     *
     * @param x log-moneyness ln(F/K)
     * @return the normalised intrinsic value
     */
    public static double intrinsic(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x > SINH_SERIES_LIMIT) {
            return Math.exp(0.5 * x) - Math.exp(-0.5 * x); // no cancellation this far from the money
        }
        // 2·sinh(y), y = x/2 ≤ 0.35, by its Taylor series to y¹⁷/17! (< ε relative): Math.sinh is a JNI call
        // on JDK 17 and costs more than the whole series.
        double y = 0.5 * x;
        double y2 = y * y;
        double series = 1 + y2 / 6 * (1 + y2 / 20 * (1 + y2 / 42 * (1 + y2 / 72 * (1 + y2 / 110 * (1 + y2 / 156
                * (1 + y2 / 210 * (1 + y2 / 272)))))));
        return 2 * y * series;
    }

    /**
     * The normalised Black call price b(x, s).
     *
     * @param x log-moneyness ln(F/K), finite
     * @param s total volatility σ√T, non-negative
     * @return b(x, s), in [intrinsic(x), e^{x/2}]
     */
    public static double call(double x, double s) {
        if (x > 0) {
            return intrinsic(x) + call(-x, s);
        }
        if (s <= 0) {
            return 0;
        }
        double h = ratio(x, s, 1 / s);
        double t = 0.5 * s;
        return outOfTheMoney(x, h, t, vegaAt(h, t));
    }

    /**
     * h = x/s, taken as x·(1/s) wherever 1/s is finite: the reciprocal does not wait for x (a logarithm away), and
     * the product that does is a quarter of a division's latency on the price's critical path. One more rounding,
     * half an ulp of h; the price and the Greeks both take h here, so they agree to the bit.
     *
     * @param inverseS 1/s, which a caller computing the Greeks needs anyway
     */
    static double ratio(double x, double s, double inverseS) {
        return inverseS < Double.POSITIVE_INFINITY ? x * inverseS : x / s;
    }

    /**
     * b(x, s) for x ≤ 0 and s &gt; 0 given (h, t) = (x/s, s/2) and the vega ∂b/∂s = e^{−(h²+t²)/2}/√(2π) at that
     * point. Three of the four formulations are the vega times a bracket, so a caller that needs both (the
     * Greeks, each implied-volatility step) pays for the exponential once.
     */
    static double outOfTheMoney(double x, double h, double t, double vega) {
        if (h < ASYMPTOTIC_THRESHOLD && h + t < ASYMPTOTIC_THRESHOLD + SMALL_T_THRESHOLD) {
            return vega * asymptoticMillsDifference(h, t);
        }
        if (t < SMALL_T_THRESHOLD) {
            return vega * taylorMillsDifference(h, t);
        }
        if (h + t > DIRECT_FORM_THRESHOLD) {
            double b = StandardNormal.cdf(h + t) * Math.exp(0.5 * x) - StandardNormal.cdf(h - t) * Math.exp(-0.5 * x);
            return Math.max(b, 0);
        }
        return erfcxForm(h, t, vega);
    }

    /** ½·e^{−(h²+t²)/2}·[erfcx(−(h+t)/√2) − erfcx(−(h−t)/√2)], with ½·e^{−(h²+t²)/2} = √(π/2)·vega. */
    private static double erfcxForm(double h, double t, double vega) {
        // Where this form is used h²+t² stays below ~250, so the vega never underflows.
        double b = SQRT_PI_OVER_TWO * vega
                * (StandardNormal.erfcx(-ONE_OVER_SQRT_TWO * (h + t))
                        - StandardNormal.erfcx(-ONE_OVER_SQRT_TWO * (h - t)));
        return Math.max(b, 0);
    }

    /**
     * ln b(x, s) for x ≤ 0 and s &gt; 0 in (h, t) coordinates, accurate where b itself underflows (b &lt; 2.2e-308, or
     * subnormal with few digits): three of the four formulations are the vega times a bracket, so their
     * logarithms add instead. The fourth, the direct form, only serves prices near the money.
     */
    static double logOutOfTheMoney(double x, double h, double t) {
        double logVega = logVegaAt(h, t);
        if (h < ASYMPTOTIC_THRESHOLD && h + t < ASYMPTOTIC_THRESHOLD + SMALL_T_THRESHOLD) {
            return logVega + Math.log(asymptoticMillsDifference(h, t));
        }
        if (t < SMALL_T_THRESHOLD) {
            return logVega + Math.log(taylorMillsDifference(h, t));
        }
        if (h + t > DIRECT_FORM_THRESHOLD) {
            return Math.log(outOfTheMoney(x, h, t, vegaAt(h, t)));
        }
        return logVega + Math.log(erfcxForm(h, t, 1)); // the bracket alone: its vega is 1
    }

    /**
     * {@link #outOfTheMoney} to within 3e-13 relative instead of a few ulps, for a Householder step that another
     * step corrects. For 0.01 ≤ t below the Taylor threshold and h ≥ −10 it takes the erfcx form, whose two terms
     * there cancel to a relative error of about ε·|h|/t ≤ 1000·ε, instead of the series, which costs twice as
     * much; everywhere else it is {@link #outOfTheMoney} itself.
     */
    static double outOfTheMoneyRoughly(double x, double h, double t, double vega) {
        if (t >= ROUGH_T_THRESHOLD && t < SMALL_T_THRESHOLD && h >= ASYMPTOTIC_THRESHOLD) {
            return erfcxForm(h, t, vega);
        }
        return outOfTheMoney(x, h, t, vega);
    }

    /**
     * The normalised vega ∂b/∂s = e^{−(h²+t²)/2}/√(2π), the same for calls and puts.
     *
     * @param x log-moneyness ln(F/K)
     * @param s total volatility σ√T
     * @return ∂b/∂s, zero at s = 0 unless x = 0
     */
    public static double vega(double x, double s) {
        if (s <= 0) {
            return x == 0 ? ONE_OVER_SQRT_TWO_PI : 0;
        }
        return vegaAt(x / s, 0.5 * s);
    }

    /** ln ∂b/∂s = −(h²+t²)/2 − ln √(2π), finite where the vega itself underflows. */
    static double logVegaAt(double h, double t) {
        return LOG_ONE_OVER_SQRT_TWO_PI - 0.5 * (h * h + t * t);
    }

    /** ∂b/∂s in (h, t) = (x/s, s/2) coordinates, for callers that already hold them. */
    static double vegaAt(double h, double t) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t));
    }

    /**
     * Y(h+t) − Y(h−t) for a = −(h+t) ≥ 9.79 from Y(z) ~ Σ (−1)ⁿ(2n−1)!!/|z|^{2n+1}. Each difference
     * Dₘ = a^{−m} − c^{−m}, c = t − h, is built by a recurrence of positive terms, so nothing cancels.
     */
    private static double asymptoticMillsDifference(double h, double t) {
        double a = -(h + t);
        double c = t - h;
        double ac = a * c;
        double invA2 = 1 / (a * a);
        double invC2 = 1 / (c * c);
        double gap = 4 * t * -h / (ac * ac); // a⁻² − c⁻²
        double d = 2 * t / ac;               // D₁
        double cPow = 1 / c;                 // c⁻¹
        double sum = d;
        double factor = 1;                   // (2n−1)!!
        double sign = 1;
        double previous = Double.MAX_VALUE;
        for (int n = 1; n < 60; n++) {
            d = d * invA2 + cPow * gap;      // D_{2n+1}
            cPow *= invC2;
            factor *= 2 * n - 1;
            sign = -sign;
            double term = factor * d;
            if (term >= previous) {
                break;                        // the asymptotic series has reached its smallest term
            }
            sum += sign * term;
            if (term <= EPSILON * 0.0625 * sum) {
                break;
            }
            previous = term;
        }
        return sum;
    }

    /**
     * Y(h+t) − Y(h−t) = 2·Σ t^{2k+1}/(2k+1)!·Y⁽²ᵏ⁺¹⁾(h) for t &lt; 0.21, to k = 7. The recurrence for Y's
     * derivatives makes each Y⁽²ᵏ⁺¹⁾(h) = Uₖ(h²) + a·Vₖ(h²) with a = Y′(h) = 1 + h·Y(h) and integer polynomials
     * U, V (the form of Jäckel's 2015 small-t expansion, taken one order further); the first omitted term is below
     * 4e-19 of the sum over the whole region (checked at 40 digits). A fixed order evaluated as independent
     * polynomials keeps both floating-point units busy where the term-by-term recurrence was one serial chain with
     * a data-dependent exit (measured in BENCHMARKS.md).
     */
    private static double taylorMillsDifference(double h, double t) {
        double a = 1 + h * StandardNormal.millsRatio(h);
        double h2 = h * h;
        double w = t * t;
        double w2 = w * w;
        return 2 * t * (lowOrderTerms(a, h2, w, w2) + w2 * w2 * w * highOrderTerms(a, h2, w));
    }

    /**
     * Σ_{k≤4} w^k·(Uₖ(h²) + a·Vₖ(h²))/(2k+1)! of {@link #taylorMillsDifference}, the low-order half of the series
     * (the terms k = 5..7 are {@link #highOrderTerms}).
     */
    private static double lowOrderTerms(double a, double h2, double w, double w2) {
        double q1 = (-1 + a * (3 + h2)) * INV_FACTORIAL_3;
        double q2 = (-7 - h2 + a * (15 + h2 * (10 + h2))) * INV_FACTORIAL_5;
        double q3 = (-57 + h2 * (-18 - h2) + a * (105 + h2 * (105 + h2 * (21 + h2)))) * INV_FACTORIAL_7;
        double q4 = (-561 + h2 * (-285 + h2 * (-33 - h2))
                + a * (945 + h2 * (1260 + h2 * (378 + h2 * (36 + h2))))) * INV_FACTORIAL_9;
        return (a + w * q1) + w2 * (q2 + w * q3) + w2 * w2 * q4;
    }

    /** Σ_{5≤k≤7} w^{k−5}·(Uₖ(h²) + a·Vₖ(h²))/(2k+1)! of {@link #taylorMillsDifference}. */
    private static double highOrderTerms(double a, double h2, double w) {
        double q5 = (-6555 + h2 * (-4680 + h2 * (-840 + h2 * (-52 - h2)))
                + a * (10395 + h2 * (17325 + h2 * (6930 + h2 * (990 + h2 * (55 + h2)))))) * INV_FACTORIAL_11;
        double q6 = (-89055 + h2 * (-82845 + h2 * (-20370 + h2 * (-1926 + h2 * (-75 - h2))))
                + a * (135135 + h2 * (270270 + h2 * (135135 + h2 * (25740 + h2 * (2145 + h2 * (78 + h2)))))))
                * INV_FACTORIAL_13;
        double q7 = (-1381905 + h2 * (-1595790 + h2 * (-501795 + h2 * (-64260 + h2 * (-3795 + h2 * (-102 - h2)))))
                + a * (2027025 + h2 * (4729725 + h2 * (2837835 + h2 * (675675 + h2 * (75075 + h2 * (4095
                + h2 * (105 + h2)))))))) * INV_FACTORIAL_15;
        return q5 + w * (q6 + w * q7);
    }
}
