package io.backstop.vault.risk;

import io.backstop.vault.ledger.Amount;

/**
 * Buffer coverage: the insurance buffer over the stress loss beyond LP capital, the larger of the scenario grid
 * and the simulator's figure when one is given. Infinite when nothing is at risk.
 *
 * @param stressLoss the loss beyond LP capital the buffer must cover
 * @param buffer     the buffer balance
 */
public record Coverage(Amount stressLoss, Amount buffer) {

    /** buffer / stress loss, or +∞ when the stress loss is zero. */
    public double ratio() {
        return stressLoss.isZero() ? Double.POSITIVE_INFINITY : buffer.toDouble() / stressLoss.toDouble();
    }

    /** {@link #ratio()} as reports show it: null when nothing is at risk, where the ratio has no finite value. */
    public Double reported() {
        return stressLoss.isZero() ? null : ratio();
    }
}
