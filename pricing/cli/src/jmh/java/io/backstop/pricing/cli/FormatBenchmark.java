package io.backstop.pricing.cli;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Writing and reading one number of CLI output: Schubfach and Clinger's fast path against the JDK 17 calls. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FormatBenchmark {

    private final double[] values = new double[1024];
    private final byte[][] texts = new byte[1024][];
    private final byte[] buffer = new byte[64];
    private int i;

    public FormatBenchmark() {
        SplittableRandom random = new SplittableRandom(3);
        for (int j = 0; j < values.length; j++) {
            // Prices, Greeks and tiny tail values, as the price command prints them.
            values[j] = random.nextDouble() * Math.pow(10, random.nextInt(-25, 4)) * (random.nextBoolean() ? 1 : -1);
            texts[j] = (j % 2 == 0 ? Double.toString(values[j]) : "0." + (j * 37 % 1000))
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    private int next() {
        return i = (i + 1) & 1023;
    }

    @Benchmark
    public int shortestDecimal() {
        return ShortestDecimal.write(values[next()], buffer, 0);
    }

    @Benchmark
    public int jdk17DoubleToString() {
        return Double.toString(values[next()]).length();
    }

    @Benchmark
    public double decimalParser() {
        byte[] text = texts[next()];
        return DecimalParser.parse(text, 0, text.length);
    }

    @Benchmark
    public double jdk17ParseDouble() {
        byte[] text = texts[next()];
        return Double.parseDouble(new String(text, StandardCharsets.US_ASCII));
    }
}
