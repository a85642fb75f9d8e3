package io.backstop.pricing;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The standard normal distribution as the pricing formulas need it.
 *
 * <p>The cumulative distribution and its inverse come from Apache Commons Statistics, whose {@code Erfc} (from
 * Commons Numbers, derived from Boost) keeps relative accuracy down to the far tail (x = −37.5), within the
 * conditioning limit of about 2·(1+x²) ulp. {@link #millsRatio(double)} gives Φ(z)/φ(z) through the scaled
 * complementary error function, which stays well conditioned where Φ itself underflows.
 */
public final class StandardNormal {

    /** 1/√(2π). */
    static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
    /** √(π/2). */
    static final double SQRT_PI_OVER_TWO = 1.2533141373155003;
    /** 1/√2. */
    static final double ONE_OVER_SQRT_TWO = 0.7071067811865476;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private StandardNormal() {
    }

    /**
     * Φ(x), the standard normal cumulative distribution.
     *
     * @param x the point
     * @return P(Z ≤ x)
     */
    public static double cdf(double x) {
        return STANDARD.cumulativeProbability(x);
    }

    /**
     * φ(x), the standard normal density.
     *
     * @param x the point
     * @return the density at x
     */
    public static double pdf(double x) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
    }

    /**
     * Φ⁻¹(p), the standard normal quantile.
     *
     * @param p a probability in [0, 1]
     * @return the x with Φ(x) = p
     */
    public static double inverseCdf(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    /**
     * Y(z) = Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2), the reciprocal Mills ratio of the lower tail.
     *
     * <p>Y(z) = ∫₀^∞ exp(zu − u²/2) du, so every derivative is positive and Y' = 1 + z·Y: the normalised Black
     * function's series expansions are built on it.
     *
     * @param z the point
     * @return Φ(z)/φ(z)
     */
    public static double millsRatio(double z) {
        return SQRT_PI_OVER_TWO * erfcx(-ONE_OVER_SQRT_TWO * z);
    }

    /**
     * erfcx(a) = e^{a²}·erfc(a), from Commons Numbers. Below |a| = ½ Commons takes erf and {@code Math.expm1},
     * which on JDK 17 is not an intrinsic and made that branch a quarter of a simulated path's time (every
     * near-the-money option of the stress grid lands there); there erfc(a) ∈ (0.47, 1.53) is computed as
     * 1 − erf(a) without cancellation and e^{a²} ≤ e^{1/4} is an intrinsic; their product stays within 2 ulps
     * of Commons' value.
     */
    static double erfcx(double a) {
        return Math.abs(a) < 0.5 ? Math.exp(a * a) * Erfc.value(a) : Erfcx.value(a);
    }
}
