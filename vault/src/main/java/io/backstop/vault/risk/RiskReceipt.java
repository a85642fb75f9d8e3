package io.backstop.vault.risk;

import io.backstop.vault.VaultState;
import io.backstop.vault.ledger.Amount;

/**
 * What a trade does to the insurance fund, as a quote shows it: the stress loss beyond LP capital, the buffer's
 * coverage of it and the risk band, before the trade and after it. Coverage is null when nothing is at risk
 * (infinite).
 */
public record RiskReceipt(Amount stressLossBefore, Double coverageBefore, RiskLevel levelBefore,
        Amount stressLossAfter, Double coverageAfter, RiskLevel levelAfter) {

    /** The receipt between a vault before a trade and after it. */
    public static RiskReceipt between(VaultState before, VaultState after) {
        Coverage b = before.coverage();
        Coverage a = after.coverage();
        return new RiskReceipt(b.stressLoss(), b.reported(), before.riskLevel(), a.stressLoss(), a.reported(),
                after.riskLevel());
    }
}
