package io.backstop.vault.simulation.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.KempSmallMeanPoissonSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Merton's jump-diffusion; geometric Brownian motion when the jump intensity is zero. Steps are exact: the log
 * spot moves by (μ − σ²/2 − λκ)·dt + σ√dt·Z plus the sum of N ~ Poisson(λ·dt) jumps, each log-normal
 * N(m, v²), where κ = e^{m + v²/2} − 1 compensates the jumps so that E[S_t] = S_0·e^{μt} whatever the jumps.
 *
 * @param initialSpot    spot at the start, positive
 * @param drift          μ, the expected rate of return per year
 * @param vol            σ, the diffusion volatility per √year, non-negative
 * @param jumpIntensity  λ, expected jumps per year, non-negative
 * @param jumpMeanLog    m, the mean of a jump's log size
 * @param jumpVolLog     v, the standard deviation of a jump's log size, non-negative
 */
public record JumpDiffusion(double initialSpot, double drift, double vol, double jumpIntensity, double jumpMeanLog,
        double jumpVolLog) implements SpotModel {

    public JumpDiffusion {
        if (!(initialSpot > 0) || !Double.isFinite(initialSpot)) {
            throw new IllegalArgumentException("spot must be positive, was " + initialSpot);
        }
        if (!(vol >= 0) || !(jumpIntensity >= 0) || !(jumpVolLog >= 0) || !Double.isFinite(drift)
                || !Double.isFinite(jumpMeanLog) || !Double.isFinite(vol + jumpIntensity + jumpVolLog)) {
            throw new IllegalArgumentException("vol, jump intensity and jump vol must be finite and non-negative");
        }
    }

    /** Geometric Brownian motion: no jumps. */
    public static JumpDiffusion geometricBrownianMotion(double spot, double drift, double vol) {
        return new JumpDiffusion(spot, drift, vol, 0, 0, 0);
    }

    /** κ = E[e^J] − 1, the mean relative jump size. */
    public double meanJump() {
        return Math.expm1(jumpMeanLog + 0.5 * jumpVolLog * jumpVolLog);
    }

    @Override
    public void fill(double[] spots, double dt, UniformRandomProvider rng, NormalizedGaussianSampler normal) {
        double logDrift = (drift - 0.5 * vol * vol - jumpIntensity * meanJump()) * dt;
        double diffusion = vol * Math.sqrt(dt);
        // One uniform per step decides the jump count (Kemp's inversion), so paths stay aligned across runs.
        DiscreteSampler jumps = jumpIntensity > 0
                ? KempSmallMeanPoissonSampler.of(rng, jumpIntensity * dt) : null;
        double logSpot = Math.log(initialSpot);
        spots[0] = initialSpot;
        for (int i = 1; i < spots.length; i++) {
            logSpot += logDrift + diffusion * normal.sample();
            if (jumps != null) {
                int n = jumps.sample();
                double z = normal.sample();
                logSpot += n * jumpMeanLog + Math.sqrt(n) * jumpVolLog * z;
            }
            spots[i] = Math.exp(logSpot);
        }
    }
}
