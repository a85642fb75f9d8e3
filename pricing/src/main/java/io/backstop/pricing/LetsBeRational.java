package io.backstop.pricing;

import static io.backstop.pricing.StandardNormal.ONE_OVER_SQRT_TWO_PI;
import static io.backstop.pricing.StandardNormal.SQRT_PI_OVER_TWO;

/**
 * Peter Jäckel's "Let's Be Rational" (Wilmott, 2015): the total volatility s that reproduces a normalised Black
 * price β, to machine precision in two Householder(3) steps from a rational-cubic initial guess, or in the two
 * middle segments usually in one step of the inverse series ({@code seriesStep}).
 *
 * <p>The price axis splits at b_l &lt; b_c &lt; b_h, where s_c = √(2|x|) is the point of inflexion. In the two
 * middle segments s is a rational cubic in β; in the lowest segment the guess goes through the map
 * f_l(β) = (2π/√27)·|x|·Φ(−|x|/(√3·s))³ and in the highest through f_u(β) = Φ(−s/2), both of which linearise the
 * asymptotics. The objective is 1/ln b − 1/ln β low down, ln(b_max − β) − ln(b_max − b) high up, and b − β
 * in between, so each Householder step converges at fourth order in every segment. The derivatives of the two
 * maps below are derived afresh in the Javadoc of {@link #lowerMap} and {@link #upperMap}.
 */
final class LetsBeRational {

    /** Two steps reach double precision from this initial guess (the round-trip tests hold it to that). */
    static final int ITERATIONS = 2;
    private static final double EPSILON = Math.ulp(1.0);
    private static final double TWO_PI = 2 * Math.PI;
    private static final double SQRT_TWO_PI = Math.sqrt(TWO_PI);
    private static final double TWO_PI_OVER_SQRT_27 = TWO_PI / Math.sqrt(27);
    private static final double SQRT_THREE = Math.sqrt(3);
    private static final double SQRT_ONE_OVER_THREE = Math.sqrt(1.0 / 3);
    private static final double SQRT_DBL_MAX = Math.sqrt(Double.MAX_VALUE);
    /** From here on |x| the two terms of b_c differ by more than a factor two, so nothing material cancels. */
    private static final double CLOSED_FORM_INFLEXION = 0.5;

    private LetsBeRational() {
    }

    /**
     * The total volatility s ≥ 0 with b(x, s) = β for an out-of-the-money call (x ≤ 0), 0 ≤ β &lt; e^{x/2}.
     *
     * @param beta the normalised out-of-the-money call price
     * @param x    the log-moneyness, ≤ 0
     * @return s = σ√T
     */
    static double totalVolatility(double beta, double x) {
        if (beta <= 0) {
            return 0;
        }
        if (x == 0) {
            return atTheMoney(beta);
        }
        double bMax = Math.exp(0.5 * x);
        // e^{−x/2} by its own exponential rather than 1/b_max: the two run side by side and no division waits on
        // either (the guess is a chain of dependent calls, so its latency, not its operation count, is the cost).
        double bMaxInverse = Math.exp(-0.5 * x);
        double sC = Math.sqrt(Math.abs(2 * x));
        double bC = inflexionPrice(x, sC, bMax, bMaxInverse);
        // At the inflexion point h = −t, so v_c = e^{x/2}/√(2π) needs no further exponential.
        double vC = ONE_OVER_SQRT_TWO_PI * bMax;
        double vCInverse = SQRT_TWO_PI * bMaxInverse;
        double sLeft = Double.MIN_NORMAL;
        double sRight = Double.MAX_VALUE;
        double s;
        if (beta < bC) {
            double sL = sC - bC * vCInverse;
            double bL = NormalisedBlack.call(x, sL);
            if (beta < bL) {
                return lowestSegment(beta, x, sL, bL);
            }
            double vL = NormalisedBlack.vega(x, sL);
            double r = RationalCubic.convexControlFittingRight(bL, bC, sL, sC, 1 / vL, vCInverse, 0, false);
            s = RationalCubic.interpolate(beta, bL, bC, sL, sC, 1 / vL, vCInverse, r);
            sLeft = sL;
            sRight = sC;
        } else {
            double sH = vC > Double.MIN_NORMAL ? sC + (bMax - bC) * vCInverse : sC;
            double bH = NormalisedBlack.call(x, sH);
            if (beta <= bH) {
                double vH = NormalisedBlack.vega(x, sH);
                double r = RationalCubic.convexControlFittingLeft(bC, bH, sC, sH, vCInverse, 1 / vH, 0, false);
                s = RationalCubic.interpolate(beta, bC, bH, sC, sH, vCInverse, 1 / vH, r);
                sLeft = sC;
                sRight = sH;
            } else {
                s = highestSegmentGuess(beta, x, sH, bH, bMax);
                sLeft = sH;
                if (beta > 0.5 * bMax) {
                    return highestSegment(beta, x, s, sLeft, bMax);
                }
            }
        }
        return middleSegments(beta, x, s, sLeft, sRight);
    }

    /**
     * {@link #totalVolatility(double, double)} for a normalised price given by its logarithm, for prices so small
     * that β itself would lose digits to underflow (below {@link NormalisedBlack#SMALLEST_DIRECT_PRICE}; the
     * option's price can still be a normal number when β is not). Such a β lies far below b_l, where the lower map
     * is β itself to double precision (f(0) = 0, f'(0) = 1), so the guess inverts the map from ln β and the steps
     * price in logs.
     *
     * @param lnBeta ln β, −∞ for a zero time value
     * @param x      the log-moneyness, ≤ 0
     * @return s = σ√T
     */
    static double totalVolatilityOfLog(double lnBeta, double x) {
        if (lnBeta == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x == 0) {
            return SQRT_TWO_PI * Math.exp(lnBeta); // b = erf(s/(2√2)) = s/√(2π) to within s²/24 relative
        }
        double sC = Math.sqrt(Math.abs(2 * x));
        double bMaxInverse = Math.exp(-0.5 * x);
        double sL = sC - inflexionPrice(x, sC, Math.exp(0.5 * x), bMaxInverse) * SQRT_TWO_PI * bMaxInverse;
        double s = fromCubeRoot(x, Math.exp((lnBeta - Math.log(TWO_PI_OVER_SQRT_27 * Math.abs(x))) / 3));
        return lowestSegmentSteps(lnBeta, x, s, sL > s ? sL : Double.MAX_VALUE, true);
    }

    /**
     * b_c = b(x, s_c) at the inflexion point s_c = √(2|x|). There h = −t, so b_c = ½·e^{x/2} − Φ(−s_c)·e^{−x/2}
     * needs one Φ; near the money the difference cancels, so the general form is kept there.
     */
    private static double inflexionPrice(double x, double sC, double bMax, double bMaxInverse) {
        return -x < CLOSED_FORM_INFLEXION ? NormalisedBlack.call(x, sC)
                : 0.5 * bMax - StandardNormal.cdf(-sC) * bMaxInverse;
    }

    /** At x = 0, b = erf(s/(2√2)) has a closed-form inverse. */
    private static double atTheMoney(double beta) {
        // 1 − β is exact for β ≥ ½, so the upper tail keeps its accuracy through erfc⁻¹.
        return beta < 0.5
                ? 2 * Math.sqrt(2) * org.apache.commons.numbers.gamma.InverseErf.value(beta)
                : 2 * Math.sqrt(2) * org.apache.commons.numbers.gamma.InverseErfc.value(1 - beta);
    }

    private static double lowestSegment(double beta, double x, double sL, double bL) {
        double[] map = lowerMap(x, sL);
        double fL = map[0];
        double r = RationalCubic.convexControlFittingRight(0, bL, 0, fL, 1, map[1], map[2], true);
        double f = RationalCubic.interpolate(beta, 0, bL, 0, fL, 1, map[1], r);
        if (!(f > 0)) {
            // Round-off for |x| beyond ~500: fall back to the quadratic through f(0) = 0, f'(0) = 1, f(b_l).
            double t = beta / bL;
            f = (fL * t + bL * (1 - t)) * t;
        }
        return lowestSegmentSteps(Math.log(beta), x, inverseLowerMap(x, f), sL, false);
    }

    /**
     * The Householder steps of the lowest segment on g(s) = 1/ln b − 1/ln β, from a guess below s_l.
     *
     * @param logarithmic price with {@link NormalisedBlack#logOutOfTheMoney} throughout, for a β that underflows
     */
    private static double lowestSegmentSteps(double lnBeta, double x, double sStart, double sL, boolean logarithmic) {
        double s = sStart;
        double sLeft = Double.MIN_NORMAL;
        double sRight = sL;
        double ds = -Double.MAX_VALUE;
        double dsPrevious = 0;
        int reversals = 0;
        // The first step starts ~1e-2 away and the second corrects anything below ~1e-8, so the first may price
        // to ~3e-13 (NormalisedBlack.outOfTheMoneyRoughly, half the cost for short-dated options); the second
        // always runs then, and only exact prices move the bracket.
        for (int i = 0; i < ITERATIONS && (i == 1 || Math.abs(ds) > EPSILON * s); i++) {
            if (ds * dsPrevious < 0) {
                reversals++;
            }
            if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
                s = 0.5 * (sLeft + sRight); // bisect when the step leaves the bracket (only for extreme |x|)
                if (sRight - sLeft <= EPSILON * s) {
                    break;
                }
                reversals = 0;
                ds = 0;
            }
            dsPrevious = ds;
            double h = x / s;
            double t = 0.5 * s;
            double lnB = Double.NEGATIVE_INFINITY;
            double u1 = 0; // u' = b'/b
            if (s > 0 && logarithmic) {
                lnB = NormalisedBlack.logOutOfTheMoney(x, h, t);
                u1 = Math.exp(NormalisedBlack.logVegaAt(h, t) - lnB);
            } else if (s > 0) {
                double bp = NormalisedBlack.vegaAt(h, t);
                double b = i == 0 ? NormalisedBlack.outOfTheMoneyRoughly(x, h, t, bp)
                        : NormalisedBlack.outOfTheMoney(x, h, t, bp);
                lnB = Math.log(b);
                u1 = bp / b;
            }
            if (i > 0 && lnB > lnBeta && s < sRight) {
                sRight = s;
            } else if (i > 0 && lnB < lnBeta && s > sLeft) {
                sLeft = s;
            }
            if (!(lnB > Double.NEGATIVE_INFINITY) || !(u1 > 0) || u1 == Double.POSITIVE_INFINITY) {
                ds = 0.5 * (sLeft + sRight) - s;
            } else {
                // g(s) = 1/ln b − 1/ln β. With u = ln b: g'/… ratios in terms of u' = b'/b and b''/b', b'''/b'.
                double b2 = h * h / s - s / 4;                   // b''/b'
                double b3 = b2 * b2 - 3 * (h / s) * (h / s) - 0.25; // b'''/b'
                double u2OverU1 = b2 - u1;                       // u''/u'
                double u3OverU1 = b3 - 3 * b2 * u1 + 2 * u1 * u1; // u'''/u'
                double newton = (lnBeta - lnB) * lnB / lnBeta / u1;
                double halley = u2OverU1 - 2 * u1 / lnB;                          // g''/g'
                double third = u3OverU1 - 6 * (u2OverU1 * u1) / lnB + 6 * u1 * u1 / (lnB * lnB); // g'''/g'
                ds = newton * householderFactor(newton, halley, third);
            }
            s += ds;
        }
        return s;
    }

    private static double highestSegmentGuess(double beta, double x, double sH, double bH, double bMax) {
        double[] map = upperMap(x, sH);
        double fH = map[0];
        double f = 0;
        if (map[2] > -SQRT_DBL_MAX && map[2] < SQRT_DBL_MAX) {
            double r = RationalCubic.convexControlFittingLeft(bH, bMax, fH, 0, map[1], -0.5, map[2], true);
            f = RationalCubic.interpolate(beta, bH, bMax, fH, 0, map[1], -0.5, r);
        }
        if (f <= 0) {
            // The quadratic through f(b_h), f(b_max) = 0 and f'(b_max) = −½.
            double h = bMax - bH;
            double t = (beta - bH) / h;
            f = (fH * (1 - t) + 0.5 * h * t) * (1 - t);
        }
        return -2 * StandardNormal.inverseCdf(f);
    }

    private static double highestSegment(double beta, double x, double s, double sLeftStart, double bMax) {
        double sLeft = sLeftStart;
        double sRight = Double.MAX_VALUE;
        double ds = -Double.MAX_VALUE;
        double dsPrevious = 0;
        int reversals = 0;
        for (int i = 0; i < ITERATIONS && Math.abs(ds) > EPSILON * s; i++) {
            if (ds * dsPrevious < 0) {
                reversals++;
            }
            if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
                s = 0.5 * (sLeft + sRight);
                if (sRight - sLeft <= EPSILON * s) {
                    break;
                }
                reversals = 0;
                ds = 0;
            }
            dsPrevious = ds;
            double h = x / s;
            double bp = s > 0 ? NormalisedBlack.vegaAt(h, 0.5 * s) : 0;
            double b = s > 0 ? NormalisedBlack.outOfTheMoney(x, h, 0.5 * s, bp) : 0;
            if (b > beta && s < sRight) {
                sRight = s;
            } else if (b < beta && s > sLeft) {
                sLeft = s;
            }
            if (b >= bMax || bp <= Double.MIN_NORMAL) {
                ds = 0.5 * (sLeft + sRight) - s;
            } else {
                // g(s) = ln(b_max − β) − ln(b_max − b): g' = b'λ, g''/g' = b''/b' + b'λ, g'''/g' = b'''/b' + 3b''λ + 2(b'λ)².
                double bMaxMinusB = bMax - b;
                double g = Math.log((bMax - beta) / bMaxMinusB);
                double gp = bp / bMaxMinusB;
                double b2 = h * h / s - s / 4;
                double b3 = b2 * b2 - 3 * (h / s) * (h / s) - 0.25;
                double newton = -g / gp;
                double halley = b2 + gp;
                double third = b3 + 2 * gp * gp + 3 * b2 * gp;
                ds = newton * householderFactor(newton, halley, third);
            }
            s += ds;
        }
        return s;
    }

    private static double middleSegments(double beta, double x, double sStart, double sLeftStart, double sRightStart) {
        double s = sStart;
        double sLeft = sLeftStart;
        double sRight = sRightStart;
        double ds = -Double.MAX_VALUE;
        double dsPrevious = 0;
        int reversals = 0;
        for (int i = 0; i < ITERATIONS && Math.abs(ds) > EPSILON * s; i++) {
            if (ds * dsPrevious < 0) {
                reversals++;
            }
            if (i > 0 && (reversals == 3 || !(s > sLeft && s < sRight))) {
                s = 0.5 * (sLeft + sRight);
                if (sRight - sLeft <= EPSILON * s) {
                    break;
                }
                reversals = 0;
                ds = 0;
            }
            dsPrevious = ds;
            double h = x / s;
            double bp = s > 0 ? NormalisedBlack.vegaAt(h, 0.5 * s) : 0;
            double b = s > 0 ? NormalisedBlack.outOfTheMoney(x, h, 0.5 * s, bp) : 0;
            if (b > beta && s < sRight) {
                sRight = s;
            } else if (b < beta && s > sLeft) {
                sLeft = s;
            }
            double newton = (beta - b) / bp;
            if (i == 0) {
                double step = seriesStep(x, s, newton);
                if (!Double.isNaN(step)) {
                    return s + step;
                }
            }
            double halley = h * h / s - s / 4;
            double third = halley * halley - 3 * (h / s) * (h / s) - 0.25;
            ds = Math.max(-0.5 * s, newton * householderFactor(newton, halley, third));
            s += ds;
        }
        return s;
    }

    /**
     * The step Δ with b(s + Δ) = β to seventh order in the Newton step ν = (β − b)/b', or NaN when that order
     * does not reach machine precision (then the caller goes on with Householder steps).
     *
     * <p>The vega is b' = e^{L}/√(2π) with L(s) = −x²/(2s²) − s²/8, so b⁽ᵏ⁺¹⁾/b' is the complete Bell polynomial
     * of L's derivatives, which are rational in s: L' = x²/s³ − s/4, L'' = −3x²/s⁴ − ¼, L''' = 12x²/s⁵,
     * L'''' = −60x²/s⁶, L⁽⁵⁾ = 360x²/s⁷. Then b(s + Δ) − b(s) = b'·(Δ + a₂Δ² + … + a₆Δ⁶ + …) with
     * a_k = b⁽ᵏ⁾/(k!·b'), and reverting the series (Abramowitz and Stegun 3.6.25) gives
     * Δ = ν − a₂ν² + (2a₂² − a₃)ν³ + (5a₂a₃ − 5a₂³ − a₄)ν⁴ + (14a₂⁴ − 21a₂²a₃ + 6a₂a₄ + 3a₃² − a₅)ν⁵
     * + (7a₂a₅ + 7a₃a₄ + 84a₂³a₃ − 28a₂a₃² − 28a₂²a₄ − 42a₂⁵ − a₆)ν⁶ + O(ν⁷).
     * In the two middle segments the guess is mostly within 10⁻³ relative; when the ν⁶ term is already below
     * one ulp of s the omitted ones are far smaller, and one evaluation of b replaces the two that Householder(3)
     * needs. The coefficients depend on x and s only, so they are computed while b is. The round-trip tests
     * hold the result to the same attainable accuracy as two Householder steps.
     */
    private static double seriesStep(double x, double s, double newton) {
        double x2 = x * x;
        double s2 = s * s;
        double x2OverS4 = x2 / (s2 * s2);
        double l1 = x2OverS4 * s - 0.25 * s;
        double l2 = -3 * x2OverS4 - 0.25;
        double l3 = 12 * x2OverS4 / s;
        double l4 = -60 * x2OverS4 / s2;
        double l5 = 360 * x2OverS4 / (s2 * s);
        double l1Squared = l1 * l1;
        double a2 = 0.5 * l1;
        double a3 = (l2 + l1Squared) / 6;
        double a4 = (l3 + 3 * l1 * l2 + l1Squared * l1) / 24;
        double a5 = (l4 + 4 * l1 * l3 + 3 * l2 * l2 + 6 * l1Squared * l2 + l1Squared * l1Squared) / 120;
        double a6 = (l5 + 5 * l1 * l4 + 10 * l2 * l3 + 10 * l1Squared * l3 + 15 * l1 * l2 * l2
                + 10 * l1Squared * l1 * l2 + l1Squared * l1Squared * l1) / 720;
        double a2Squared = a2 * a2;
        double c3 = 2 * a2Squared - a3;
        double c4 = 5 * a2 * (a3 - a2Squared) - a4;
        double c5 = a2Squared * (14 * a2Squared - 21 * a3) + 6 * a2 * a4 + 3 * a3 * a3 - a5;
        double c6 = 7 * (a2 * a5 + a3 * a4) + 28 * a2 * (3 * a2Squared * a3 - a3 * a3 - a2 * a4)
                - 42 * a2Squared * a2Squared * a2 - a6;
        double nu = newton;
        double nu3 = nu * nu * nu;
        if (!(Math.abs(c6 * nu3 * nu3) <= EPSILON * s)) {
            return Double.NaN;
        }
        return nu * (1 + nu * (-a2 + nu * (c3 + nu * (c4 + nu * (c5 + nu * c6)))));
    }

    /** The Householder(3) correction to a Newton step ν given g''/g' and g'''/g'. */
    private static double householderFactor(double newton, double halley, double third) {
        return (1 + 0.5 * halley * newton) / (1 + newton * (halley + third * newton / 6));
    }

    /**
     * f_l at s, with df/dβ and d²f/dβ². With z = |x|/(√3·s), y = z², Φ = Φ(−z):
     * f = (2π/√27)·|x|·Φ³; df/dβ = (df/ds)/(db/ds) = 2π·y·Φ²·e^{y + s²/8};
     * d²f/dβ² = 2π·y·Φ·e^{2y + s²/4}·[2z/s + (Φ/φ(z))·(s/4 − 2/s − 2y/s)].
     */
    static double[] lowerMap(double x, double s) {
        double ax = Math.abs(x);
        double z = SQRT_ONE_OVER_THREE * ax / s;
        double y = z * z;
        double s2 = s * s;
        double phiCdf = StandardNormal.cdf(-z);
        double phiPdf = StandardNormal.pdf(z);
        double fpp = TWO_PI * y * phiCdf * Math.exp(2 * y + 0.25 * s2)
                * (2 * z / s + (phiCdf / phiPdf) * (0.25 * s - 2 / s - 2 * y / s));
        double fp;
        double f;
        if (s < Double.MIN_NORMAL) {
            fp = 1;
            f = 0;
        } else {
            double phi2 = phiCdf * phiCdf;
            fp = TWO_PI * y * phi2 * Math.exp(y + 0.125 * s2);
            f = ax < Double.MIN_NORMAL ? 0 : TWO_PI_OVER_SQRT_27 * ax * (phi2 * phiCdf);
        }
        return new double[] {f, fp, fpp};
    }

    static double inverseLowerMap(double x, double f) {
        if (f < Double.MIN_NORMAL) {
            return 0;
        }
        // A guess needs no correctly rounded cube root: Math.pow is an intrinsic, Math.cbrt a native call on JDK 17.
        return fromCubeRoot(x, Math.pow(f / (TWO_PI_OVER_SQRT_27 * Math.abs(x)), 1.0 / 3));
    }

    /** The last step of inverting the lower map: s = |x / (√3·Φ⁻¹(c))| for c = (f / (2π|x|/√27))^{1/3}. */
    private static double fromCubeRoot(double x, double cubeRoot) {
        return Math.abs(x / (SQRT_THREE * StandardNormal.inverseCdf(cubeRoot)));
    }

    /**
     * f_u at s, with df/dβ and d²f/dβ². With w = (x/s)²: f = Φ(−s/2); df/dβ = −½·e^{w/2};
     * d²f/dβ² = √(π/2)·e^{w + s²/8}·w/s.
     */
    static double[] upperMap(double x, double s) {
        double f = StandardNormal.cdf(-0.5 * s);
        if (Math.abs(x) < Double.MIN_NORMAL) {
            return new double[] {f, -0.5, 0};
        }
        double w = (x / s) * (x / s);
        return new double[] {f, -0.5 * Math.exp(0.5 * w), SQRT_PI_OVER_TWO * Math.exp(w + 0.125 * s * s) * w / s};
    }
}
