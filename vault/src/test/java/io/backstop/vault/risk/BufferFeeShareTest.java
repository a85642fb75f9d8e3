package io.backstop.vault.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backstop.vault.governance.VaultParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published rule for the buffer's share of fees: continuous in the coverage gap, bounded, steps as floors. */
class BufferFeeShareTest {

    private static final VaultParameters P = VaultParameters.defaults(); // s0 0.5, s1 0.8, target coverage 2

    @Test
    void atOrAboveTargetTheShareIsTheBaseAndItRisesLinearlyToTheStressShareAtZero() {
        assertThat(RiskLevel.NORMAL.bufferFeeShare(P, Double.POSITIVE_INFINITY)).isEqualTo(0.5);
        assertThat(RiskLevel.NORMAL.bufferFeeShare(P, 2.0)).isEqualTo(0.5);
        assertThat(RiskLevel.NORMAL.bufferFeeShare(P, 1.5)).isCloseTo(0.5 + 0.3 * 0.25, within(1e-12));
        assertThat(RiskLevel.NORMAL.bufferFeeShare(P, 1.0)).isCloseTo(0.65, within(1e-12));
        assertThat(RiskLevel.NORMAL.bufferFeeShare(P, 0.0)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void theShareIsContinuousMonotoneAndBoundedAndTheLaddersStepsAreFloors() {
        double previous = 1;
        for (int i = 0; i <= 4000; i++) {
            double coverage = i / 1000.0;
            double share = RiskLevel.forCoverage(coverage, P).bufferFeeShare(P, coverage);
            assertThat(share).isBetween(0.5, 0.8);
            assertThat(share).as("falls as coverage rises, at %s", coverage).isLessThanOrEqualTo(previous + 1e-12);
            previous = share;
        }
        // From ELEVATED on the step (0.8) applies whatever the gap.
        assertThat(RiskLevel.ELEVATED.bufferFeeShare(P, 0.99)).isEqualTo(0.8);
        // Without a stress share above the base there is nothing to rise to.
        VaultParameters flat = P.with(Map.of("stressBufferFeeShare", "0.3"), null);
        assertThat(RiskLevel.NORMAL.bufferFeeShare(flat, 0.5)).isEqualTo(0.5);
    }
}
