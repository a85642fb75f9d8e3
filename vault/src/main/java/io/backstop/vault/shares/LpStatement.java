package io.backstop.vault.shares;

import io.backstop.vault.ledger.Amount;

/**
 * An LP's result in a vault, as a statement shows it: what they paid in and took out, what they hold now (shares
 * held and still queued, at the share price now), and the difference.
 *
 * @param deposited    every deposit
 * @param withdrawn    every withdrawal paid, net of exit fees
 * @param netDeposits  deposited − withdrawn
 * @param currentValue the shares held and queued, at the share price now
 * @param pnl          currentValue + withdrawn − deposited
 * @param returnRate   pnl / deposited, a simple return on what was put in (null before any deposit)
 */
public record LpStatement(Amount deposited, Amount withdrawn, Amount netDeposits, Amount currentValue, Amount pnl,
        Double returnRate) {

    /** The statement of an LP who deposited and withdrew these totals and holds {@code currentValue} now. */
    public static LpStatement of(Amount deposited, Amount withdrawn, Amount currentValue) {
        Amount pnl = currentValue.plus(withdrawn).minus(deposited);
        Double rate = deposited.isPositive() ? pnl.toDouble() / deposited.toDouble() : null;
        return new LpStatement(deposited, withdrawn, deposited.minus(withdrawn), currentValue, pnl, rate);
    }
}
