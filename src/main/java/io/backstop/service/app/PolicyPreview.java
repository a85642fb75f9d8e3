package io.backstop.service.app;

import io.backstop.service.api.ApiProblem;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.quote.Pricing;
import io.backstop.vault.simulation.Comparison;
import io.backstop.vault.simulation.LpFlow;
import io.backstop.vault.simulation.MonteCarloSimulation;
import io.backstop.vault.simulation.OpeningPosition;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.TraderFlow;
import io.backstop.vault.simulation.VaultSetup;
import io.backstop.vault.simulation.market.ImpliedVolDynamics;
import io.backstop.vault.simulation.market.JumpDiffusion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The what-if of a policy change: the simulator runs the vault's current book, capital and buffer under the
 * current and the proposed parameters on the same market paths (common random numbers), so the difference is the
 * policy's alone. The market is driftless GBM at the surface's at-the-money volatility of the book's horizon.
 */
public final class PolicyPreview {

    /** Most paths a preview may ask for; it runs inside a request. */
    public static final int MAX_PATHS = 5_000;

    private PolicyPreview() {
    }

    /**
     * Runs the comparison.
     *
     * @throws ApiProblem 422 for parameters out of bounds, 400 for paths or horizon out of range
     */
    public static Comparison run(VaultState vault, List<SeriesBook> unsettled, double spot, Map<String, String> changes,
            int paths, int horizonDays, long seed, Instant now) {
        if (paths < 100 || paths > MAX_PATHS) {
            throw ApiProblem.badRequest("invalid-field", "paths must be between 100 and " + MAX_PATHS);
        }
        if (horizonDays < 1 || horizonDays > 365) {
            throw ApiProblem.badRequest("invalid-field", "horizonDays must be between 1 and 365");
        }
        if (!vault.balances().lpCapital().isPositive()) {
            throw ApiProblem.conflict("nothing-to-simulate", "vault '" + vault.id() + "' has no LP capital yet");
        }
        VaultParameters proposed;
        try {
            proposed = vault.parameters().with(changes, null);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unprocessable("parameter-out-of-bounds", e.getMessage());
        }
        // The simulator's clock starts at 08:00 UTC; expiries are counted in whole days from there.
        Instant start = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        List<OpeningPosition> book = new ArrayList<>();
        for (SeriesBook b : unsettled) {
            long days = Math.max(1, Duration.between(start, b.series().expiry()).toHours() / 24);
            if (b.openInterest().isPositive() && b.series().expiry().isAfter(now)) {
                book.add(new OpeningPosition(b.series().type(), b.series().strike(), (int) Math.min(days, 3650),
                        b.openInterest()));
            }
        }
        double vol = Pricing.volatility(new io.backstop.vault.quote.OptionSeries(vault.underlying(),
                vault.quoteCurrency(), io.backstop.pricing.OptionType.CALL, Amount.of(spot,
                io.backstop.vault.ledger.Rounding.UP), now.plus(Duration.ofDays(horizonDays))),
                MarketSnapshot.at(spot), vault.parameters(), now);
        Amount lpCapital = vault.balances().lpCapital();
        Scenario scenario = new Scenario(seed, paths, horizonDays, 1, start,
                JumpDiffusion.geometricBrownianMotion(spot, 0, vol), ImpliedVolDynamics.fixed(vol),
                new VaultSetup(lpCapital, vault.balances().buffer(), vault.parameters()), book, TraderFlow.NONE,
                LpFlow.NONE, 1, 0.001, new VaultSetup(lpCapital, vault.balances().buffer(), proposed));
        return MonteCarloSimulation.compare(scenario, Runtime.getRuntime().availableProcessors(), (done, total) -> {
        }, () -> false);
    }
}
