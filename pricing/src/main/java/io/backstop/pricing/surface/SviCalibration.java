package io.backstop.pricing.surface;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a raw SVI smile to quoted implied volatilities at one expiry with Commons Math's Levenberg-Marquardt
 * optimiser, minimising the squared implied-volatility errors.
 *
 * <p>The optimiser works on unconstrained coordinates that map onto valid parameters, so every iterate is a
 * valid smile: b = e^{p₁}, ρ = tanh(p₂), σ = e^{p₄} and a = e^{p₀} − b·σ·√(1 − ρ²), which keeps the minimum
 * total variance e^{p₀} positive.
 */
public final class SviCalibration {

    private static final int MAX_EVALUATIONS = 10_000;
    private static final double STEP = 1e-7;

    private SviCalibration() {
    }

    /**
     * The result of a calibration.
     *
     * @param smile      the fitted smile
     * @param rmsError   root-mean-square implied-volatility error at the quotes
     * @param iterations the optimiser's iterations
     */
    public record Fit(SviSmile smile, double rmsError, int iterations) {
    }

    /**
     * Calibrates a smile to quotes.
     *
     * @param expiry         the expiry in years, &gt; 0
     * @param logMoneyness   quoted k = ln(K/F), at least five distinct points
     * @param impliedVols    quoted implied volatilities, positive, same length
     * @return the fit
     */
    public static Fit calibrate(double expiry, double[] logMoneyness, double[] impliedVols) {
        if (!(expiry > 0) || expiry == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("expiry must be positive and finite, was " + expiry);
        }
        if (logMoneyness.length != impliedVols.length) {
            throw new IllegalArgumentException("need as many implied vols as strikes, got " + impliedVols.length
                    + " vols for " + logMoneyness.length + " strikes");
        }
        if (logMoneyness.length < 5) {
            throw new IllegalArgumentException("SVI has five parameters: need at least five quotes, got "
                    + logMoneyness.length);
        }
        for (int i = 0; i < impliedVols.length; i++) {
            if (!(impliedVols[i] > 0) || !Double.isFinite(impliedVols[i]) || !Double.isFinite(logMoneyness[i])) {
                throw new IllegalArgumentException("quote " + i + " is not a finite positive implied vol at a finite"
                        + " log-moneyness: k=" + logMoneyness[i] + ", vol=" + impliedVols[i]);
            }
        }
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(point -> valueAndJacobian(point, expiry, logMoneyness))
                .target(impliedVols)
                .start(initialGuess(expiry, logMoneyness, impliedVols))
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build());
        return new Fit(smile(optimum.getPoint().toArray()), optimum.getRMS(), optimum.getIterations());
    }

    private static double[] initialGuess(double expiry, double[] k, double[] vols) {
        int atMinimum = 0;
        double minimumVariance = Double.MAX_VALUE;
        for (int i = 0; i < k.length; i++) {
            double w = vols[i] * vols[i] * expiry;
            if (w < minimumVariance) {
                minimumVariance = w;
                atMinimum = i;
            }
        }
        return new double[] {Math.log(0.9 * minimumVariance), Math.log(0.1 * Math.sqrt(expiry)), 0, k[atMinimum],
                Math.log(0.1)};
    }

    static SviSmile smile(double[] p) {
        double b = Math.exp(p[1]);
        double rho = Math.tanh(p[2]);
        double sigma = Math.exp(p[4]);
        return new SviSmile(Math.exp(p[0]) - b * sigma * Math.sqrt(1 - rho * rho), b, rho, p[3], sigma);
    }

    private static double[] impliedVols(double[] p, double expiry, double[] k) {
        SviSmile smile = smile(p);
        double[] vols = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            vols[i] = Math.sqrt(Math.max(smile.totalVariance(k[i]), 0) / expiry);
        }
        return vols;
    }

    /** Values and a central-difference Jacobian in the unconstrained coordinates. */
    private static Pair<RealVector, RealMatrix> valueAndJacobian(RealVector point,
            double expiry, double[] k) {
        double[] p = point.toArray();
        double[] value = impliedVols(p, expiry, k);
        double[][] jacobian = new double[k.length][p.length];
        for (int j = 0; j < p.length; j++) {
            double saved = p[j];
            double h = STEP * Math.max(1, Math.abs(saved));
            p[j] = saved + h;
            double[] up = impliedVols(p, expiry, k);
            p[j] = saved - h;
            double[] down = impliedVols(p, expiry, k);
            p[j] = saved;
            for (int i = 0; i < k.length; i++) {
                jacobian[i][j] = (up[i] - down[i]) / (2 * h);
            }
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
