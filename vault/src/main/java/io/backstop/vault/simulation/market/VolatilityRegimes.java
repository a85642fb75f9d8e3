package io.backstop.vault.simulation.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Volatility switches between a calm and a stressed level as a two-state Markov chain in continuous time; within
 * a step the spot moves log-normally at the level in force at the step's start, with drift μ − σ²/2 so that the
 * expected return stays μ in either regime.
 *
 * @param initialSpot       spot at the start, positive
 * @param drift             μ per year
 * @param calmVol           volatility in the calm regime
 * @param stressedVol       volatility in the stressed regime
 * @param toStressedPerYear intensity of calm → stressed switches per year
 * @param toCalmPerYear     intensity of stressed → calm switches per year
 * @param startStressed     whether paths start in the stressed regime
 */
public record VolatilityRegimes(double initialSpot, double drift, double calmVol, double stressedVol,
        double toStressedPerYear, double toCalmPerYear, boolean startStressed) implements SpotModel {

    public VolatilityRegimes {
        if (!(initialSpot > 0) || !Double.isFinite(initialSpot) || !Double.isFinite(drift)) {
            throw new IllegalArgumentException("spot must be positive and drift finite");
        }
        if (!(calmVol >= 0) || !(stressedVol >= 0) || !(toStressedPerYear >= 0) || !(toCalmPerYear >= 0)
                || !Double.isFinite(calmVol + stressedVol + toStressedPerYear + toCalmPerYear)) {
            throw new IllegalArgumentException("volatilities and switching intensities must be finite and non-negative");
        }
    }

    @Override
    public void fill(double[] spots, double dt, UniformRandomProvider rng, NormalizedGaussianSampler normal) {
        double switchToStressed = -Math.expm1(-toStressedPerYear * dt);
        double switchToCalm = -Math.expm1(-toCalmPerYear * dt);
        double sqrtDt = Math.sqrt(dt);
        boolean stressed = startStressed;
        double logSpot = Math.log(initialSpot);
        spots[0] = initialSpot;
        for (int i = 1; i < spots.length; i++) {
            double vol = stressed ? stressedVol : calmVol;
            logSpot += (drift - 0.5 * vol * vol) * dt + vol * sqrtDt * normal.sample();
            spots[i] = Math.exp(logSpot);
            // One uniform per step for the switch, whatever the regime: paths stay aligned.
            double u = rng.nextDouble();
            stressed = stressed ? u >= switchToCalm : u < switchToStressed;
        }
    }
}
