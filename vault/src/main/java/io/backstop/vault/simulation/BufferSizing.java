package io.backstop.vault.simulation;

import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The insurance buffer sized by simulation on a vault as it stands: its book, LP capital, buffer and parameters run
 * over Monte Carlo paths of spot (GBM at the surface's at-the-money volatility for the horizon, no new trades or
 * deposits), giving the tail of the loss beyond LP capital (buffer draws plus socialised losses), the chances that
 * the buffer is drawn or a loss socialised, and the smallest buffer with which at most {@code target} of the paths
 * socialise. With its inputs, so that it can be run again and judged stale.
 *
 * @param model                     the spot model, in words
 * @param paths                     paths run
 * @param horizonDays               the horizon
 * @param seed                      the random seed
 * @param target                    the socialised-loss probability the recommended buffer aims at
 * @param bookVersion               the vault's sequence when sized: another sequence is another book
 * @param sizedAt                   when
 * @param var99                     VaR at 99% of the loss beyond LP capital
 * @param var999                    VaR at 99.9%
 * @param cvar99                    CVaR (expected shortfall) at 99%: what coverage is measured against
 * @param cvar999                   CVaR at 99.9%
 * @param bufferDrawProbability     P(the buffer is drawn)
 * @param socialisedLossProbability P(a loss is socialised)
 * @param recommendedBuffer         the smallest starting buffer meeting {@code target} on these paths
 */
public record BufferSizing(String model, int paths, int horizonDays, long seed, double target, long bookVersion,
        Instant sizedAt, Amount var99, Amount var999, Amount cvar99, Amount cvar999, double bufferDrawProbability,
        double socialisedLossProbability, Amount recommendedBuffer) {

    /**
     * Sizes the buffer of {@code vault} with its unsettled series at {@code spot}.
     *
     * @throws IllegalArgumentException if the vault has no LP capital or the sizes are out of range
     */
    public static BufferSizing run(VaultState vault, List<SeriesBook> unsettled, double spot, int paths,
            int horizonDays, long seed, double target, Instant now, int threads) {
        Scenario scenario = PolicyWhatIf.onBook(vault, unsettled, spot, null, paths, horizonDays, seed, target, now);
        SimulationReport r = MonteCarloSimulation.run(scenario, threads, (done, total) -> { }, () -> false);
        SimulationReport.TailRisk tail = r.lossBeyondLp();
        String model = String.format(Locale.ROOT, "GBM, spot %s, volatility %.4f (surface at the money, "
                + "%d days), no new flows", Amount.of(spot, Rounding.DOWN),
                PolicyWhatIf.atTheMoneyVolatility(vault, horizonDays), horizonDays);
        return new BufferSizing(model, paths, horizonDays, seed, target, vault.sequence(), now, money(tail.var99()),
                money(tail.var999()), money(tail.cvar99()), money(tail.cvar999()), r.bufferDrawProbability().value(),
                r.socialisedLossProbability().value(), Amount.of(r.recommendedBuffer().doubleValue(), Rounding.UP));
    }

    /**
     * Why this sizing no longer describes {@code vault}, or null if it still does: it is stale once older than two
     * of the schedule's {@code interval}s, or sized on another book version (any command since changed the book).
     */
    public String staleness(VaultState vault, Instant now, Duration interval) {
        Duration limit = interval.multipliedBy(2);
        if (Duration.between(sizedAt, now).compareTo(limit) > 0) {
            return "sized at " + sizedAt + ", more than " + limit + " ago";
        }
        if (bookVersion != vault.sequence()) {
            return "sized on book version " + bookVersion + "; the vault is at version " + vault.sequence();
        }
        return null;
    }

    /** A loss in currency, rounded up: the cautious side for the fund. */
    private static Amount money(double loss) {
        return Amount.of(Math.max(0, loss), Rounding.UP);
    }
}
