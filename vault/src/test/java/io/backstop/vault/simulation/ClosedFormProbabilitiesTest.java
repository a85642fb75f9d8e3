package io.backstop.vault.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.simulation.SimulationReport.Estimate;
import io.backstop.vault.simulation.market.ImpliedVolDynamics;
import io.backstop.vault.simulation.market.JumpDiffusion;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * A vault holding only its opening book, no flows, under GBM: it calls on the buffer exactly when the total claim
 * at expiry exceeds LP capital, and socialises exactly when it exceeds LP capital plus the buffer, so both
 * probabilities have closed forms P(S_T > K + C/q) with S_T log-normal under the real-world drift.
 */
class ClosedFormProbabilitiesTest {

    private static final double SPOT = 2000;
    private static final double DRIFT = 0.1;
    private static final double VOL = 0.8;
    private static final int DAYS = 30;
    private static final double STRIKE = 2200;
    private static final double QUANTITY = 100;
    private static final double LP_CAPITAL = 60_000;
    private static final double BUFFER = 20_000;

    static Scenario bookOnly(int paths, double buffer) {
        VaultSetup vault = new VaultSetup(Amount.parse(Double.toString(LP_CAPITAL)),
                Amount.parse(Double.toString(buffer)), VaultParameters.defaults().with(Map.of(
                        "callCollateralFactor", "0.2"), null));
        return new Scenario(42, paths, DAYS, 1, Scenario.DEFAULT_START,
                JumpDiffusion.geometricBrownianMotion(SPOT, DRIFT, VOL), ImpliedVolDynamics.fixed(VOL), vault,
                List.of(new OpeningPosition(OptionType.CALL, Amount.parse("2200"), DAYS,
                        Quantity.parse("100"))), TraderFlow.NONE, LpFlow.NONE, 1, 0.01, null);
    }

    /** P(q·(S_T − K) > capital) for log-normal S_T under the real-world drift. */
    private static double probabilityClaimExceeds(double capital) {
        double t = DAYS / 365.0;
        double threshold = STRIKE + capital / QUANTITY;
        double d = (Math.log(SPOT / threshold) + (DRIFT - 0.5 * VOL * VOL) * t) / (VOL * Math.sqrt(t));
        return NormalDistribution.of(0, 1).cumulativeProbability(d);
    }

    @Test
    void bufferDrawAndSocialisedLossMatchTheirClosedForms() {
        SimulationReport r = MonteCarloSimulation.run(bookOnly(20_000, BUFFER), 2, SimulationProgress.NONE,
                () -> false);
        assertWithinFourStandardErrors(r.bufferDrawProbability(), probabilityClaimExceeds(LP_CAPITAL));
        assertWithinFourStandardErrors(r.socialisedLossProbability(), probabilityClaimExceeds(LP_CAPITAL + BUFFER));
        // Every socialised path also exhausted the buffer, and holders got less than their claims.
        assertThat(r.bufferExhaustedProbability().value()).isEqualTo(r.socialisedLossProbability().value());
        assertThat(r.expectedPayoutRatioGivenSocialisedLoss().value()).isLessThan(1);
    }

    @Test
    void recommendedBuffer_meetsTheTargetOnTheSamePaths() {
        Scenario scenario = bookOnly(5_000, BUFFER);
        SimulationReport r = MonteCarloSimulation.run(scenario, 2, SimulationProgress.NONE, () -> false);
        Amount recommended = Amount.parse(r.recommendedBuffer().toPlainString());
        // The target is 1%: the recommended buffer is the 99th percentile of the loss beyond LP capital.
        assertThat(recommended.toDouble()).isEqualTo(r.lossBeyondLp().var99());

        Scenario sized = scenario.withVault(scenario.vault().withBuffer(recommended));
        SimulationReport rerun = MonteCarloSimulation.run(sized, 2, SimulationProgress.NONE, () -> false);
        assertThat(rerun.socialisedLossProbability().value()).isLessThanOrEqualTo(0.01);
        // One unit less and more than 1% of the same paths socialise.
        Scenario short1 = scenario.withVault(scenario.vault().withBuffer(recommended.minus(Amount.ofUnits(1))));
        SimulationReport under = MonteCarloSimulation.run(short1, 2, SimulationProgress.NONE, () -> false);
        assertThat(under.socialisedLossProbability().value()).isGreaterThan(0.01);
    }

    private static void assertWithinFourStandardErrors(Estimate estimate, double exact) {
        assertThat(exact).isBetween(0.01, 0.5);
        assertThat(Math.abs(estimate.value() - exact)).as("%s vs closed form %s", estimate, exact)
                .isLessThanOrEqualTo(4 * estimate.stdError());
    }
}
