package io.backstop.vault.simulation.cli;

import io.backstop.vault.simulation.Comparison;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.SimulationReport;
import io.backstop.vault.simulation.SimulationReport.Estimate;
import java.io.PrintStream;
import java.util.Locale;

/** The short table {@code simulate} prints when a run is done. */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(PrintStream out, Scenario scenario, SimulationReport r, Comparison comparison, double seconds,
            int threads) {
        long pathDays = (long) scenario.paths() * scenario.horizonDays();
        out.println(String.format(Locale.ROOT, "%,d paths × %d days in %.1f s on %d threads (%,.0f path-days/s)",
                scenario.paths(), scenario.horizonDays(), seconds, threads, pathDays / seconds));
        row(out, "LP return, mean", pct(r.lpReturn().mean()) + " ± " + pct(r.lpReturn().stdError()));
        row(out, "LP return, p01 / p50 / p99", pct(r.lpReturn().p01()) + " / " + pct(r.lpReturn().p50()) + " / "
                + pct(r.lpReturn().p99()));
        row(out, "max drawdown, p50 / p99", pct(r.maxDrawdown().p50()) + " / " + pct(r.maxDrawdown().p99()));
        row(out, "P(buffer drawn)", estimate(r.bufferDrawProbability()));
        row(out, "P(buffer exhausted)", estimate(r.bufferExhaustedProbability()));
        row(out, "P(socialised loss)", estimate(r.socialisedLossProbability()));
        row(out, "payout ratio | socialised", r.expectedPayoutRatioGivenSocialisedLoss() == null ? "n/a"
                : estimate(r.expectedPayoutRatioGivenSocialisedLoss()));
        row(out, "loss beyond LP, VaR 99 / 99.9", money(r.lossBeyondLp().var99()) + " / "
                + money(r.lossBeyondLp().var999()));
        row(out, "loss beyond LP, CVaR 99 / 99.9", money(r.lossBeyondLp().cvar99()) + " / "
                + money(r.lossBeyondLp().cvar999()));
        row(out, "recommended buffer", money(r.recommendedBuffer().doubleValue()) + " (target P(socialised) ≤ "
                + scenario.targetSocialisedLossProbability() + ")");
        row(out, "trades accepted / rejected", String.format(Locale.ROOT, "%.1f / %.1f per path",
                r.activity().tradesAccepted(), r.activity().tradesRejected()));
        r.activity().rejectedBy().forEach((reason, perPath) -> row(out, "  rejected: " + reason,
                String.format(Locale.ROOT, "%.1f per path", perPath)));
        if (comparison != null) {
            Comparison.PairedDifferences d = comparison.difference();
            out.println("alternative − base, paired on the same paths:");
            row(out, "  LP return, mean", pct(d.lpReturn().value()) + " ± " + pct(d.lpReturn().stdError()));
            row(out, "  max drawdown, mean", pct(d.maxDrawdown().value()) + " ± " + pct(d.maxDrawdown().stdError()));
            row(out, "  loss beyond LP, mean", money(d.lossBeyondLp().value()) + " ± "
                    + money(d.lossBeyondLp().stdError()));
            row(out, "  P(buffer drawn)", estimate(d.bufferDrawProbability()));
            row(out, "  P(socialised loss)", estimate(d.socialisedLossProbability()));
            row(out, "  buffer at the horizon, mean", money(d.endBuffer().value()) + " ± "
                    + money(d.endBuffer().stdError()));
            row(out, "  recommended buffer", money(comparison.alternative().recommendedBuffer().doubleValue())
                    + " (alternative) vs " + money(r.recommendedBuffer().doubleValue()));
        }
    }

    private static void row(PrintStream out, String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-36s %s", label, value));
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * x);
    }

    private static String estimate(Estimate e) {
        return String.format(Locale.ROOT, "%.5f ± %.5f", e.value(), e.stdError());
    }

    private static String money(double x) {
        return String.format(Locale.ROOT, "%,.2f", x);
    }
}
