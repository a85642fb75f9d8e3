package io.backstop.vault.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Standard normal variates per second: the simulator's XoShiRo256++ with Commons RNG's Ziggurat sampler against the
 * baseline named in the issue, commons-math3's {@code Well19937c.nextGaussian()} (polar Box-Muller).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NormalVariatesBenchmark {

    private final NormalizedGaussianSampler ziggurat = ZigguratSampler.NormalizedGaussian.of(
            new XoShiRo256PlusPlus(new long[] {1, 2, 3, 4}));
    private final Well19937c well = new Well19937c(1);

    @Benchmark
    public double xoshiro256ppZiggurat() {
        return ziggurat.sample();
    }

    @Benchmark
    public double well19937cNextGaussian() {
        return well.nextGaussian();
    }
}
