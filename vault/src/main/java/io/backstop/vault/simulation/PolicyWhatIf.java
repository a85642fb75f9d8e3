package io.backstop.vault.simulation;

import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.simulation.market.ImpliedVolDynamics;
import io.backstop.vault.simulation.market.JumpDiffusion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The what-if of a parameter change on a live vault: its current book, LP capital and buffer under the current
 * and the proposed parameters, on the same paths (common random numbers), so the difference is the change's alone.
 * The market is driftless GBM at the surface's at-the-money volatility for the horizon; there are no new trades or
 * LP flows, only the book running off.
 */
public final class PolicyWhatIf {

    private PolicyWhatIf() {
    }

    /**
     * The comparison scenario.
     *
     * @param unsettled the vault's unsettled series; those still live with open interest become the opening book
     * @param spot      the underlying's price now
     * @param proposed  the parameters to compare with the vault's own
     * @throws IllegalArgumentException if the vault has no LP capital or the sizes are out of range
     */
    public static Scenario scenario(VaultState vault, List<SeriesBook> unsettled, double spot,
            VaultParameters proposed, int paths, int horizonDays, long seed, Instant now) {
        return onBook(vault, unsettled, spot, proposed, paths, horizonDays, seed, 0.001, now);
    }

    /**
     * The vault as it stands as a simulation's opening state: its LP capital, buffer and parameters, its live series
     * as the opening book, spot under GBM at the surface's at-the-money volatility for the horizon, no new flows;
     * {@code proposed} parameters as the alternative set-up, or none if null.
     */
    static Scenario onBook(VaultState vault, List<SeriesBook> unsettled, double spot, VaultParameters proposed,
            int paths, int horizonDays, long seed, double targetSocialisedLoss, Instant now) {
        // The simulator's clock starts at 08:00 UTC; expiries count in whole days from there, at least one.
        Instant start = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        List<OpeningPosition> book = new ArrayList<>();
        for (SeriesBook b : unsettled) {
            if (b.openInterest().isPositive() && b.series().expiry().isAfter(now)) {
                long days = Math.max(1, Duration.between(start, b.series().expiry()).toHours() / 24);
                book.add(new OpeningPosition(b.series().type(), b.series().strike(), (int) Math.min(days, 3650),
                        b.openInterest()));
            }
        }
        double vol = atTheMoneyVolatility(vault, horizonDays);
        VaultSetup current = new VaultSetup(vault.balances().lpCapital(), vault.balances().buffer(),
                vault.parameters());
        return new Scenario(seed, paths, horizonDays, 1, start, JumpDiffusion.geometricBrownianMotion(spot, 0, vol),
                ImpliedVolDynamics.fixed(vol), current, book, TraderFlow.NONE, LpFlow.NONE, 1, targetSocialisedLoss,
                proposed == null ? null : new VaultSetup(current.lpCapital(), current.buffer(), proposed));
    }

    /** The surface's at-the-money volatility over the horizon: the simulated market's. */
    static double atTheMoneyVolatility(VaultState vault, int horizonDays) {
        return vault.parameters().surface().impliedVolatility(0, horizonDays / 365.0);
    }
}
