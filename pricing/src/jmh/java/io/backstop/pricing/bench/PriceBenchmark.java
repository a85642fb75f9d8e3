package io.backstop.pricing.bench;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionGreeks;
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
import org.openjdk.jmh.infra.Blackhole;

/** Price alone, and price with every Greek, per option: ours against the textbook on Commons Math 3.6.1. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PriceBenchmark {

    private final OptionSet set = new OptionSet(42);
    private final double[] out = new double[8];
    private int i;

    private int next() {
        return i = (i + 1) & (OptionSet.SIZE - 1);
    }

    @Benchmark
    public double price() {
        int j = next();
        return BlackScholesMerton.price(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.vol[j]);
    }

    @Benchmark
    public double textbookPrice() {
        int j = next();
        return TextbookBlackScholes.price(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.vol[j]);
    }

    @Benchmark
    public void priceAndGreeksIntoArray(Blackhole bh) {
        int j = next();
        BlackScholesMerton.greeks(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.vol[j], out);
        consumeAll(bh);
    }

    @Benchmark
    public void priceAndGreeks(Blackhole bh) {
        int j = next();
        OptionGreeks g = BlackScholesMerton.greeks(set.type[j], set.spot[j], set.strike[j], set.expiry[j],
                set.rate[j], set.dividend[j], set.vol[j]);
        // Consumed field by field, as a caller would, so the record need not exist on the heap.
        bh.consume(g.price());
        bh.consume(g.delta());
        bh.consume(g.gamma());
        bh.consume(g.vega());
        bh.consume(g.theta());
        bh.consume(g.rho());
        bh.consume(g.vanna());
        bh.consume(g.volga());
    }

    /**
     * The same work handing back the filled array: stores into an array reachable from benchmark state cannot be
     * eliminated, so this measures the pricer without eight Blackhole calls (about 2 ns each) on top.
     */
    @Benchmark
    public double[] priceAndGreeksReturnArray() {
        int j = next();
        BlackScholesMerton.greeks(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.vol[j], out);
        return out;
    }

    /** The textbook counterpart of {@link #priceAndGreeksReturnArray()}. */
    @Benchmark
    public double[] textbookPriceAndGreeksReturnArray() {
        int j = next();
        TextbookBlackScholes.greeks(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.vol[j], out);
        return out;
    }

    @Benchmark
    public void textbookPriceAndGreeks(Blackhole bh) {
        int j = next();
        TextbookBlackScholes.greeks(set.type[j], set.spot[j], set.strike[j], set.expiry[j], set.rate[j],
                set.dividend[j], set.vol[j], out);
        consumeAll(bh);
    }

    private void consumeAll(Blackhole bh) {
        for (double v : out) {
            bh.consume(v);
        }
    }
}
