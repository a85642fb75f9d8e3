package io.backstop.vault.simulation.market;

import java.util.Arrays;

/**
 * The stochastic level added to the vault's volatility surface along a path: it follows realised volatility, so a
 * stressed market raises premiums and marks. Realised volatility is an exponentially weighted average of squared
 * log returns with the given half-life, annualised; the shift is {@code sensitivity × (realised − reference)} and
 * starts at zero.
 *
 * @param sensitivity  how many vol points the surface moves per point of realised volatility; 0 keeps it fixed
 * @param halfLifeDays half-life of the realised-volatility average, in days
 * @param referenceVol the realised volatility at which the shift is zero
 */
public record ImpliedVolDynamics(double sensitivity, double halfLifeDays, double referenceVol) {

    public ImpliedVolDynamics {
        if (!(sensitivity >= 0) || !(halfLifeDays > 0) || !(referenceVol >= 0)
                || !Double.isFinite(sensitivity + halfLifeDays + referenceVol)) {
            throw new IllegalArgumentException("sensitivity ≥ 0, halfLifeDays > 0 and referenceVol ≥ 0 are required");
        }
    }

    /** A surface that never moves. */
    public static ImpliedVolDynamics fixed(double referenceVol) {
        return new ImpliedVolDynamics(0, 1, referenceVol);
    }

    /**
     * The shift at every point of a spot path.
     *
     * @param spots the path
     * @param dt    step length in years
     * @param out   receives one shift per point; same length as {@code spots}
     */
    public void shifts(double[] spots, double dt, double[] out) {
        if (sensitivity == 0) {
            Arrays.fill(out, 0);
            return;
        }
        out[0] = 0;
        double decay = Math.pow(0.5, dt * 365.0 / halfLifeDays);
        double variance = referenceVol * referenceVol;
        for (int i = 1; i < spots.length; i++) {
            double r = Math.log(spots[i] / spots[i - 1]);
            variance = decay * variance + (1 - decay) * (r * r / dt);
            out[i] = sensitivity * (Math.sqrt(variance) - referenceVol);
        }
    }
}
