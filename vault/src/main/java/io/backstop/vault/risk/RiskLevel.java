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

    /** The share of fees paid into the buffer in this band: the ladder's step. */
    public double bufferFeeShare(VaultParameters p) {
        return this == NORMAL ? p.bufferFeeShare()
                : Math.max(p.bufferFeeShare(), p.get(Parameter.STRESS_BUFFER_FEE_SHARE));
    }

    /**
     * The share of fees paid into the buffer at a coverage, the published rule: the larger of this band's step and
     * a continuous function of the gap to {@code bufferTargetCoverage} C*,
     * <pre>  s(C) = s₀ + (s₁ − s₀) · min(1, max(0, (C* − C) / C*))</pre>
     * with s₀ = {@code bufferFeeShare} and s₁ = the larger of s₀ and {@code stressBufferFeeShare}: s₀ at or above
     * the target, rising linearly to s₁ as coverage falls to zero, never outside [s₀, s₁]. So the buffer refills
     * faster the further it is below target before any band changes, and the ladder's steps stay floors.
     */
    public double bufferFeeShare(VaultParameters p, double coverage) {
        double s0 = p.bufferFeeShare();
        double s1 = Math.max(s0, p.get(Parameter.STRESS_BUFFER_FEE_SHARE));
        double target = p.get(Parameter.BUFFER_TARGET_COVERAGE);
        double gap = Double.isNaN(coverage) ? 0 : Math.min(1, Math.max(0, (target - coverage) / target));
        return Math.max(bufferFeeShare(p), s0 + (s1 - s0) * gap);
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
