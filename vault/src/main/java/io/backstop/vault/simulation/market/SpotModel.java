package io.backstop.vault.simulation.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * How the underlying's spot moves over one simulated path, under the real-world measure. Implementations are
 * immutable and shared by every path; all randomness comes from the path's own stream, so a path is a function of
 * its seed alone.
 */
public sealed interface SpotModel permits JumpDiffusion, VolatilityRegimes, HistoricalReplay {

    /** The spot at the start of every path. */
    double initialSpot();

    /**
     * Fills {@code spots[0..n]} with one path: {@code spots[0]} is the initial spot and each next entry is one step
     * of {@code dt} years later.
     *
     * @param spots  where the path goes; its length is the number of steps plus one
     * @param dt     step length in years (ACT/365)
     * @param rng    the path's market stream
     * @param normal standard normals drawn from {@code rng}
     */
    void fill(double[] spots, double dt, UniformRandomProvider rng, NormalizedGaussianSampler normal);
}
