package io.backstop.vault.simulation;

import io.backstop.vault.ledger.Amount;

/**
 * LPs who come and go: Poisson deposits of a fixed size, and Poisson withdrawal requests for shares worth a fixed
 * amount at the current share price. With a panic sensitivity the withdrawal rate rises with the share price's
 * drawdown from its peak: rate = withdrawalsPerDay × (1 + panicSensitivity × drawdown), drawdown in [0, 1].
 *
 * @param depositsPerDay    expected deposits per day
 * @param depositSize       amount per deposit
 * @param withdrawalsPerDay expected withdrawal requests per day with no drawdown
 * @param withdrawalSize    value of the shares redeemed per request
 * @param panicSensitivity  how the withdrawal rate scales with drawdown; 0 for none
 */
public record LpFlow(double depositsPerDay, Amount depositSize, double withdrawalsPerDay, Amount withdrawalSize,
        double panicSensitivity) {

    /** No LP flow. */
    public static final LpFlow NONE = new LpFlow(0, Amount.ofUnits(Amount.ONE), 0, Amount.ofUnits(Amount.ONE), 0);

    public LpFlow {
        if (!(depositsPerDay >= 0) || !(withdrawalsPerDay >= 0) || !(panicSensitivity >= 0)
                || !Double.isFinite(depositsPerDay + withdrawalsPerDay + panicSensitivity)) {
            throw new IllegalArgumentException("rates and panic sensitivity must be finite and non-negative");
        }
        if (!depositSize.isPositive() || !withdrawalSize.isPositive()) {
            throw new IllegalArgumentException("deposit and withdrawal sizes must be positive");
        }
    }

    /** The withdrawal rate per day at a drawdown in [0, 1]. */
    double withdrawalRate(double drawdown) {
        return withdrawalsPerDay * (1 + panicSensitivity * drawdown);
    }
}
