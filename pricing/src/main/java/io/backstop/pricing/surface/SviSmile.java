package io.backstop.pricing.surface;

/**
 * A raw SVI smile: total implied variance w(k) = a + b·(ρ·(k − m) + √((k − m)² + σ²)) at log-moneyness
 * k = ln(K/F), for one expiry.
 *
 * @param a     the level; a + b·σ·√(1 − ρ²) is the smallest total variance
 * @param b     the wings' slope, ≥ 0
 * @param rho   the skew, in (−1, 1)
 * @param m     the horizontal shift
 * @param sigma the curvature at the minimum, &gt; 0
 */
public record SviSmile(double a, double b, double rho, double m, double sigma) {

    /** Validates the parameters: every one finite, b ≥ 0, |ρ| &lt; 1, σ &gt; 0 and a non-negative minimum variance. */
    public SviSmile {
        for (double p : new double[] {a, b, rho, m, sigma}) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("SVI parameters must be finite, were " + describe(a, b, rho, m, sigma));
            }
        }
        if (b < 0) {
            throw new IllegalArgumentException("SVI b must be non-negative, was " + b);
        }
        if (!(Math.abs(rho) < 1)) {
            throw new IllegalArgumentException("SVI rho must lie in (-1, 1), was " + rho);
        }
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("SVI sigma must be positive, was " + sigma);
        }
        double minimum = a + b * sigma * Math.sqrt(1 - rho * rho);
        if (minimum < 0) {
            throw new IllegalArgumentException("SVI minimum total variance a + b·sigma·sqrt(1 - rho²) must be"
                    + " non-negative, was " + minimum);
        }
    }

    /**
     * A flat smile with the same implied volatility at every strike.
     *
     * @param volatility the implied volatility, ≥ 0
     * @param expiry     the expiry in years, &gt; 0
     * @return the smile w(k) = volatility²·expiry
     */
    public static SviSmile flat(double volatility, double expiry) {
        return new SviSmile(volatility * volatility * expiry, 0, 0, 0, 1);
    }

    /**
     * w(k).
     *
     * @param k log-moneyness ln(K/F)
     * @return the total implied variance σ_imp²·T
     */
    public double totalVariance(double k) {
        double d = k - m;
        return a + b * (rho * d + Math.sqrt(d * d + sigma * sigma));
    }

    /**
     * w'(k).
     *
     * @param k log-moneyness
     * @return dw/dk
     */
    public double slope(double k) {
        double d = k - m;
        return b * (rho + d / Math.sqrt(d * d + sigma * sigma));
    }

    /**
     * w''(k).
     *
     * @param k log-moneyness
     * @return d²w/dk²
     */
    public double curvature(double k) {
        double d = k - m;
        double root = Math.sqrt(d * d + sigma * sigma);
        return b * sigma * sigma / (root * root * root);
    }

    /**
     * Durrleman's g(k) = (1 − k·w'/(2w))² − (w'²/4)·(1/w + 1/4) + w''/2, proportional to the risk-neutral
     * density implied by the smile: negative g means a butterfly spread with negative cost.
     *
     * @param k log-moneyness
     * @return g(k)
     */
    public double durrleman(double k) {
        double wp = slope(k);
        if (wp == 0) {
            return 1 + curvature(k) / 2; // both 1/w terms carry w': a flat zero-variance smile has g = 1, not 0/0
        }
        double w = totalVariance(k);
        double first = 1 - k * wp / (2 * w);
        return first * first - wp * wp / 4 * (1 / w + 0.25) + curvature(k) / 2;
    }

    private static String describe(double a, double b, double rho, double m, double sigma) {
        return "a=" + a + ", b=" + b + ", rho=" + rho + ", m=" + m + ", sigma=" + sigma;
    }
}
