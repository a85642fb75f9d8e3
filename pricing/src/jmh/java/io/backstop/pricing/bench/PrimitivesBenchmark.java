package io.backstop.pricing.bench;

import io.backstop.pricing.StandardNormal;
import java.util.concurrent.TimeUnit;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What the formulas are made of: the cost of each special function on this JVM, to know where time goes. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PrimitivesBenchmark {

    private final double[] xs = new double[1024];
    private final double[] small = new double[1024];
    private int i;

    public PrimitivesBenchmark() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int j = 0; j < xs.length; j++) {
            xs[j] = r.nextDouble(-6, 3);
            small[j] = r.nextDouble(-0.5, 0.5);
        }
    }

    private double x() {
        return xs[i = (i + 1) & 1023];
    }

    @Benchmark
    public double exp() {
        return Math.exp(x());
    }

    @Benchmark
    public double log() {
        return Math.log(x() + 7);
    }

    @Benchmark
    public double log1p() {
        return Math.log1p(x() + 5);
    }

    @Benchmark
    public double sqrt() {
        return Math.sqrt(x() + 7);
    }

    @Benchmark
    public double erfcx() {
        return Erfcx.value(x());
    }

    /** Commons Numbers' erfcx below |x| = ½, where it takes erf and {@code Math.expm1}. */
    @Benchmark
    public double erfcxNearZero() {
        return Erfcx.value(small());
    }

    /** The same values as e^{x²}·erfc(x). */
    @Benchmark
    public double expTimesErfcNearZero() {
        double x = small();
        return Math.exp(x * x) * Erfc.value(x);
    }

    @Benchmark
    public double expm1() {
        return Math.expm1(small());
    }

    private double small() {
        return small[i = (i + 1) & 1023];
    }

    @Benchmark
    public double normalCdf() {
        return StandardNormal.cdf(x());
    }
}
