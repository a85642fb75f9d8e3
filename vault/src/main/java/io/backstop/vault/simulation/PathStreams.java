package io.backstop.vault.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The random streams of one path: one XoShiRo256++ generator each for the market, the traders and the LPs, seeded
 * from (run seed, path, stream) through SplitMix64 as the generator's authors recommend. A path's numbers depend on
 * nothing else, so results are bit-identical whatever the number of threads, and splitting by purpose keeps two
 * parameter sets on the same market and flow draws (common random numbers) even when their vaults diverge.
 */
final class PathStreams {

    final UniformRandomProvider market;
    final NormalizedGaussianSampler normal;
    final UniformRandomProvider traders;
    final UniformRandomProvider lps;

    PathStreams(long seed, int path) {
        market = stream(seed, path, 0);
        normal = ZigguratSampler.NormalizedGaussian.of(market);
        traders = stream(seed, path, 1);
        lps = stream(seed, path, 2);
    }

    private static UniformRandomProvider stream(long seed, int path, int purpose) {
        // Distinct SplitMix64 starting points for every (seed, path, purpose); SplitMix64 decorrelates them.
        SplitMix64 mix = new SplitMix64(seed ^ (0x9E3779B97F4A7C15L * (((long) path << 2) + purpose + 1)));
        long[] state = {mix.nextLong(), mix.nextLong(), mix.nextLong(), mix.nextLong()};
        return new XoShiRo256PlusPlus(state);
    }
}
