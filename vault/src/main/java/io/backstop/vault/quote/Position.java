package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;

/**
 * A trader's holding from one trade: long a quantity of a series. Selling part of it back to the pool before
 * expiry lowers its quantity and the premium it carries in proportion; sold back whole it is closed, with nothing
 * left to settle. Once the series settles it records the payout; once that is paid out, {@code paidOut} is true.
 *
 * @param id       the trade id
 * @param vault    the vault
 * @param owner    the trader
 * @param series   the series id
 * @param quantity contracts still held
 * @param premium  what was paid for the contracts still held
 * @param payout   null until settled
 * @param paidOut  whether the payout has left the pool
 */
public record Position(String id, String vault, String owner, String series, Quantity quantity, Amount premium,
        Amount payout, boolean paidOut) {

    public boolean isSettled() {
        return payout != null;
    }

    /** Whether every contract has been sold back. */
    public boolean isClosed() {
        return !quantity.isPositive();
    }

    /**
     * After {@code sold} contracts went back to the pool: the premium carried falls in proportion, rounded so that
     * what stays and what went add up to what was paid.
     */
    public Position soldBack(Quantity sold) {
        Quantity left = quantity.minus(sold);
        Amount premiumLeft = Amount.ofUnits(Amount.mulDiv(premium.units(), left.units(), quantity.units(),
                Rounding.DOWN));
        return new Position(id, vault, owner, series, left, premiumLeft, payout, paidOut);
    }

    /** The premium paid for {@code sold} of these contracts, as {@link #soldBack} takes it off. */
    public Amount premiumOf(Quantity sold) {
        return premium.minus(soldBack(sold).premium());
    }

    public Position settled(Amount amount) {
        return new Position(id, vault, owner, series, quantity, premium, amount, false);
    }

    public Position paid() {
        return new Position(id, vault, owner, series, quantity, premium, payout, true);
    }
}
