package io.backstop.vault.simulation;

import io.backstop.vault.simulation.SimulationReport.Estimate;

/**
 * Two vault set-ups run on the same paths (common random numbers): each one's report, and the paired differences
 * alternative − base, whose standard errors are those of the per-path differences, much smaller than those of two
 * independent runs when the set-ups behave alike.
 *
 * @param base        the scenario's vault
 * @param alternative the alternative vault
 * @param difference  alternative − base, paired by path
 */
public record Comparison(SimulationReport base, SimulationReport alternative, PairedDifferences difference) {

    /** The comparison of two set-ups' summaries of the same paths, in path order. */
    public static Comparison of(Scenario scenario, PathSummary[] base, PathSummary[] alternative) {
        return new Comparison(MonteCarloSimulation.report(scenario, base),
                MonteCarloSimulation.report(scenario, alternative), PairedDifferences.of(base, alternative));
    }

    /**
     * Per-path differences alternative − base, averaged.
     *
     * @param lpReturn               difference in LP return
     * @param maxDrawdown            difference in maximum drawdown
     * @param lossBeyondLp           difference in loss beyond LP capital, in currency
     * @param bufferDrawProbability  difference in the probability of a call on the buffer
     * @param socialisedLossProbability difference in the probability of a socialised loss
     * @param endBuffer              difference in the buffer at the horizon, in currency
     */
    public record PairedDifferences(Estimate lpReturn, Estimate maxDrawdown, Estimate lossBeyondLp,
            Estimate bufferDrawProbability, Estimate socialisedLossProbability, Estimate endBuffer) {

        static PairedDifferences of(PathSummary[] base, PathSummary[] alternative) {
            return new PairedDifferences(
                    difference(base, alternative, PathSummary::lpReturn),
                    difference(base, alternative, PathSummary::maxDrawdown),
                    difference(base, alternative, PathSummary::lossBeyondLp),
                    difference(base, alternative, s -> s.bufferDrawn() ? 1 : 0),
                    difference(base, alternative, s -> s.socialised() ? 1 : 0),
                    difference(base, alternative, PathSummary::endBuffer));
        }

        private static Estimate difference(PathSummary[] base, PathSummary[] alternative,
                java.util.function.ToDoubleFunction<PathSummary> field) {
            double[] a = SimulationReport.column(base, field);
            double[] b = SimulationReport.column(alternative, field);
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = b[i] - a[i];
            }
            return SimulationReport.mean(d);
        }
    }
}
