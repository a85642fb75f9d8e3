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
        VaultEvent.RiskLevelChanged change = change(vault, now);
        if (change == null) {
            return vault;
        }
        events.add(change);
        return move(vault, change);
    }

    /**
     * The move to the band of the vault's current coverage, or null when it stays in its band: for a command that
     * builds its events as an immutable list and only copies it in the rare case the band moves.
     */
    static VaultEvent.RiskLevelChanged change(VaultState vault, Instant now) {
        Coverage coverage = vault.coverage();
        RiskLevel level = RiskLevel.forCoverage(coverage.ratio(), vault.parameters());
        if (level == vault.riskLevel()) {
            return null;
        }
        return new VaultEvent.RiskLevelChanged(vault.id(), now, vault.riskLevel(), level, coverage.ratio(),
                coverage.stressLoss());
    }

    /** The vault in the band a change moved it to. */
    static VaultState move(VaultState vault, VaultEvent.RiskLevelChanged change) {
        return vault.withRisk(change.to(), vault.exposure(), vault.simulatedStressLoss());
    }
}
