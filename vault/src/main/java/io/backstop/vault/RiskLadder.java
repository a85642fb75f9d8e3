package io.backstop.vault;

import io.backstop.vault.risk.Coverage;
import io.backstop.vault.risk.RiskLevel;
import java.time.Instant;
import java.util.List;

/**
 * The automatic de-risking ladder as the engine applies it: after every command that moves money the band is
 * re-read from the vault's coverage, and a change becomes an event of that command.
 */
final class RiskLadder {

    private RiskLadder() {
    }

    /** Moves the ladder to the band of the vault's current coverage, recording a change as an event. */
    static VaultState reassess(VaultState vault, Instant now, List<VaultEvent> events) {
        Coverage coverage = vault.coverage();
        RiskLevel level = RiskLevel.forCoverage(coverage.ratio(), vault.parameters());
        if (level == vault.riskLevel()) {
            return vault;
        }
        events.add(new VaultEvent.RiskLevelChanged(vault.id(), now, vault.riskLevel(), level, coverage.ratio(),
                coverage.stressLoss()));
        return vault.withRisk(level, vault.exposure(), vault.simulatedStressLoss());
    }
}
