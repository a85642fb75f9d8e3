package io.backstop.pricing.bench;

import io.backstop.pricing.ImpliedVolatility;
import io.backstop.pricing.OptionType;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
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
 * Implied volatility per price: Let's Be Rational against Commons Math's BrentSolver on the same prices, to the
 * same tolerance (1e-15 absolute in σ, i.e. machine precision for σ ≥ 0.1). Brent gets only the options whose
 * time value and vega are at least 1e-9 of spot, because it cannot bracket a root where the objective is flat
 * at rounding level (it throws NoBracketingException there); Let's Be Rational runs on that subset and on all.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ImpliedVolBenchmark {

    private static final double BRENT_FLOOR = 2000 * 1e-9;
    private final OptionSet set = new OptionSet(7);
    private final int[] brentable = brentable(set);
    private final BrentSolver brent = new BrentSolver(1e-15, 1e-15);
    private int i;
    private int k;

    private static int[] brentable(OptionSet set) {
        return java.util.stream.IntStream.range(0, OptionSet.SIZE).filter(j -> set.bracketable(j, BRENT_FLOOR)).toArray();
    }

    @Benchmark
    public double letsBeRational() {
        return impliedVol(i = (i + 1) & (OptionSet.SIZE - 1));
    }

    @Benchmark
    public double letsBeRationalOnBrentsSubset() {
        k = k + 1 == brentable.length ? 0 : k + 1;
        return impliedVol(brentable[k]);
    }

    private double impliedVol(int j) {
        return ImpliedVolatility.of(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.price[j]);
    }

    @Benchmark
    public double brentSolver() {
        k = k + 1 == brentable.length ? 0 : k + 1;
        int j = brentable[k];
        OptionType type = set.type[j];
        double s = set.spot[j];
        double strike = set.strike[j];
        double t = set.expiry[j];
        double r = set.rate[j];
        double q = set.dividend[j];
        double target = set.price[j];
        return brent.solve(1000, v -> TextbookBlackScholes.price(type, s, strike, t, r, q, v) - target, 1e-6, 10);
    }

    @Benchmark
    public double letsBeRationalAtTheMoney() {
        return ImpliedVolatility.of(OptionType.CALL, 2000, 2000, 0.25, 0, 0, 159.5);
    }
}
