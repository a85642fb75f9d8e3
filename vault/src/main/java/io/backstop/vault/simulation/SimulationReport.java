package io.backstop.vault.simulation;

import io.backstop.vault.RejectionCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The figures a run answers the protocol team with, computed from the per-path summaries in path order, so equal
 * summaries give an equal report whatever the number of threads. Quantiles are empirical (the inverse of the
 * empirical distribution function); standard errors are those of a sample mean or proportion over independent paths.
 *
 * @param paths                                 paths run
 * @param lpReturn                              NAV-per-share return over the horizon
 * @param maxDrawdown                           largest peak-to-trough fall of NAV per share, as a fraction
 * @param bufferDrawProbability                 probability that the LP layers fall short and the buffer is called on
 * @param bufferExhaustedProbability            probability that a call on the buffer empties it
 * @param socialisedLossProbability             probability that holders are paid less than their claims
 * @param expectedPayoutRatioGivenSocialisedLoss mean paid / claims over settlements that socialised, given one did;
 *                                              null when no path socialised
 * @param lossBeyondLp                          VaR and CVaR of the loss beyond LP capital (buffer draws + socialised)
 * @param bufferOverTime                        quantiles of the buffer balance at reporting days
 * @param recommendedBuffer                     the smallest starting buffer with which at most the target fraction
 *                                              of these paths socialises a loss, flows held as simulated
 * @param activity                              what the flows did, averaged over paths
 */
public record SimulationReport(int paths, Distribution lpReturn, Distribution maxDrawdown,
        Estimate bufferDrawProbability, Estimate bufferExhaustedProbability, Estimate socialisedLossProbability,
        Estimate expectedPayoutRatioGivenSocialisedLoss, TailRisk lossBeyondLp, List<BufferQuantiles> bufferOverTime,
        BigDecimal recommendedBuffer, Activity activity) {

    /** Most points a buffer-over-time series has. */
    static final int MAX_BUFFER_POINTS = 61;

    /**
     * A Monte Carlo estimate.
     *
     * @param value    the estimate
     * @param stdError its standard error
     */
    public record Estimate(double value, double stdError) {
    }

    /**
     * A distribution over paths.
     *
     * @param mean     the mean
     * @param stdError the mean's standard error
     * @param p01      1st percentile, and so on
     */
    public record Distribution(double mean, double stdError, double p01, double p05, double p50, double p95,
            double p99) {
    }

    /**
     * Value at risk and conditional value at risk (expected shortfall) of a loss, in currency.
     *
     * @param var95  the 95% quantile of the loss, and so on
     * @param cvar95 the mean of the worst 5% of losses, and so on
     */
    public record TailRisk(double var95, double var99, double var999, double cvar95, double cvar99, double cvar999) {
    }

    /**
     * The buffer across paths at one day.
     *
     * @param day days from the start
     * @param p05 5th percentile, and so on
     */
    public record BufferQuantiles(int day, double p05, double p25, double p50, double p75, double p95) {
    }

    /**
     * Flow activity per path, averaged.
     *
     * @param tradesAccepted trades the engine accepted
     * @param tradesRejected quotes and buys it rejected
     * @param deposits       LP deposits
     * @param withdrawals    LP withdrawal requests
     * @param liveSeries     live series, averaged over steps too
     * @param rejectedBy     trades rejected per path by the engine's reason (its slug), the reasons that occurred
     *                       only, most frequent first
     */
    public record Activity(double tradesAccepted, double tradesRejected, double deposits, double withdrawals,
            double liveSeries, Map<String, Double> rejectedBy) {
    }

    /** The reporting days of a horizon: at most {@link #MAX_BUFFER_POINTS}, evenly spaced, first and last included. */
    public static int[] bufferDays(int horizonDays) {
        int stride = (horizonDays + MAX_BUFFER_POINTS - 2) / (MAX_BUFFER_POINTS - 1);
        int n = (horizonDays + stride - 1) / stride + 1;
        int[] days = new int[n];
        for (int i = 0; i < n; i++) {
            days[i] = Math.min(i * stride, horizonDays);
        }
        return days;
    }

    /** The report of a run from its summaries, in path order. */
    public static SimulationReport of(PathSummary[] summaries, int horizonDays, double targetSocialisedLoss) {
        int n = summaries.length;
        double[] required = column(summaries, PathSummary::requiredBuffer);
        Arrays.sort(required);
        // Smallest B with #{required > B} ≤ ⌊target·n⌋: the (n − ⌊target·n⌋)-th smallest requirement.
        int allowed = (int) Math.floor(targetSocialisedLoss * n);
        double recommended = allowed >= n ? 0 : required[n - allowed - 1];
        double[] ratios = Arrays.stream(summaries).filter(PathSummary::socialised).mapToDouble(PathSummary::payoutRatio)
                .toArray();
        return new SimulationReport(n,
                distribution(column(summaries, PathSummary::lpReturn)),
                distribution(column(summaries, PathSummary::maxDrawdown)),
                proportion(summaries, PathSummary::bufferDrawn),
                proportion(summaries, PathSummary::bufferExhausted),
                proportion(summaries, PathSummary::socialised),
                ratios.length == 0 ? null : mean(ratios),
                tailRisk(column(summaries, PathSummary::lossBeyondLp)),
                bufferOverTime(summaries, horizonDays),
                BigDecimal.valueOf(Math.round(recommended * 1e6), 6),
                new Activity(StatUtils.mean(column(summaries, s -> s.tradesAccepted())),
                        StatUtils.mean(column(summaries, s -> s.tradesRejected())),
                        StatUtils.mean(column(summaries, s -> s.deposits())),
                        StatUtils.mean(column(summaries, s -> s.withdrawals())),
                        StatUtils.mean(column(summaries, PathSummary::meanLiveSeries)),
                        rejectedBy(summaries)));
    }

    /** Rejections per path by reason, most frequent first (ties by reason), the reasons that occurred only. */
    static Map<String, Double> rejectedBy(PathSummary[] summaries) {
        RejectionCode[] codes = RejectionCode.values();
        long[] totals = new long[codes.length];
        for (PathSummary s : summaries) {
            for (int i = 0; i < codes.length; i++) {
                totals[i] += s.tradesRejectedBy()[i];
            }
        }
        Map<String, Double> byReason = new LinkedHashMap<>();
        IntStream.range(0, codes.length).filter(i -> totals[i] > 0).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> -totals[i]).thenComparing(i -> codes[i].slug()))
                .forEach(i -> byReason.put(codes[i].slug(), totals[i] / (double) summaries.length));
        return byReason;
    }

    static double[] column(PathSummary[] summaries, ToDoubleFunction<PathSummary> field) {
        double[] out = new double[summaries.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = field.applyAsDouble(summaries[i]);
        }
        return out;
    }

    static Estimate mean(double[] values) {
        int n = values.length;
        double se = n > 1 ? Math.sqrt(StatUtils.variance(values) / n) : 0;
        return new Estimate(StatUtils.mean(values), se);
    }

    private static Estimate proportion(PathSummary[] summaries, Predicate<PathSummary> event) {
        long hits = Arrays.stream(summaries).filter(event).count();
        double p = hits / (double) summaries.length;
        return new Estimate(p, Math.sqrt(p * (1 - p) / summaries.length));
    }

    private static Distribution distribution(double[] values) {
        Estimate m = mean(values);
        Percentile q = empiricalQuantiles(values);
        return new Distribution(m.value(), m.stdError(), q.evaluate(1), q.evaluate(5), q.evaluate(50),
                q.evaluate(95), q.evaluate(99));
    }

    private static Percentile empiricalQuantiles(double[] values) {
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_1);
        q.setData(values);
        return q;
    }

    /**
     * VaR is the empirical α-quantile; CVaR is the mean of the worst (1 − α) of the mass, the quantile's atom
     * weighted in part (Acerbi and Tasche), so it is coherent on a finite sample.
     */
    static TailRisk tailRisk(double[] losses) {
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        return new TailRisk(var(sorted, 0.95), var(sorted, 0.99), var(sorted, 0.999), cvar(sorted, 0.95),
                cvar(sorted, 0.99), cvar(sorted, 0.999));
    }

    private static double var(double[] sorted, double alpha) {
        int k = (int) Math.ceil(alpha * sorted.length);
        return sorted[Math.max(k, 1) - 1];
    }

    private static double cvar(double[] sorted, double alpha) {
        int n = sorted.length;
        int k = Math.max((int) Math.ceil(alpha * n), 1);
        double tail = (k - alpha * n) * sorted[k - 1];
        for (int i = k; i < n; i++) {
            tail += sorted[i];
        }
        return tail / ((1 - alpha) * n);
    }

    private static List<BufferQuantiles> bufferOverTime(PathSummary[] summaries, int horizonDays) {
        int[] days = bufferDays(horizonDays);
        List<BufferQuantiles> out = new ArrayList<>(days.length);
        double[] atDay = new double[summaries.length];
        for (int d = 0; d < days.length; d++) {
            for (int i = 0; i < summaries.length; i++) {
                atDay[i] = summaries[i].bufferByDay()[d];
            }
            Percentile q = empiricalQuantiles(atDay);
            out.add(new BufferQuantiles(days[d], q.evaluate(5), q.evaluate(25), q.evaluate(50), q.evaluate(75),
                    q.evaluate(95)));
        }
        return out;
    }
}
