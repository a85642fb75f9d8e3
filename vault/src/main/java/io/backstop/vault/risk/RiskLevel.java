package io.backstop.vault.risk;

import io.backstop.vault.governance.Parameter;
import io.backstop.vault.governance.VaultParameters;

/**
 * The automatic de-risking ladder's bands, from NORMAL to HALTED, and what each band changes. Each band keeps the
 * measures of the bands above it.
 */
public enum RiskLevel {
    /** Coverage at or above {@code elevatedBelowCoverage}: parameters as set. */
    NORMAL,
    /** Fees × {@code stressFeeMultiplier}, buffer fee share raised to {@code stressBufferFeeShare}. */
    ELEVATED,
    /** And {@code maxUtilization} halved. */
    RESTRICTED,
    /** And no new sales; settlement, deposits and withdrawals continue. */
    HALTED;

    /** The band for a coverage ratio (buffer / stress loss beyond LP capital; infinite when nothing is at risk). */
    public static RiskLevel forCoverage(double coverage, VaultParameters p) {
        if (coverage < p.get(Parameter.HALT_BELOW_COVERAGE)) {
            return HALTED;
        }
        if (coverage < p.get(Parameter.RESTRICTED_BELOW_COVERAGE)) {
            return RESTRICTED;
        }
        if (coverage < p.get(Parameter.ELEVATED_BELOW_COVERAGE)) {
            return ELEVATED;
        }
        return NORMAL;
    }

    /** The multiplier on fees in this band. */
    public double feeMultiplier(VaultParameters p) {
        return this == NORMAL ? 1 : p.get(Parameter.STRESS_FEE_MULTIPLIER);
    }

    /** The share of fees paid into the buffer in this band. */
    public double bufferFeeShare(VaultParameters p) {
        return this == NORMAL ? p.bufferFeeShare()
                : Math.max(p.bufferFeeShare(), p.get(Parameter.STRESS_BUFFER_FEE_SHARE));
    }

    /** The utilisation cap in this band. */
    public double maxUtilization(VaultParameters p) {
        return compareTo(RESTRICTED) >= 0 ? 0.5 * p.maxUtilization() : p.maxUtilization();
    }

    /** Whether new sales are allowed. */
    public boolean allowsSales() {
        return this != HALTED;
    }
}
