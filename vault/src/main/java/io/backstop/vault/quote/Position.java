package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;

/**
 * A trader's holding from one trade: long a quantity of a series. Once the series settles it records the payout;
 * once that is paid out, {@code paidOut} is true.
 *
 * @param id       the trade id
 * @param vault    the vault
 * @param owner    the trader
 * @param series   the series id
 * @param quantity contracts
 * @param premium  what was paid
 * @param payout   null until settled
 * @param paidOut  whether the payout has left the pool
 */
public record Position(String id, String vault, String owner, String series, Quantity quantity, Amount premium,
        Amount payout, boolean paidOut) {

    public boolean isSettled() {
        return payout != null;
    }

    public Position settled(Amount amount) {
        return new Position(id, vault, owner, series, quantity, premium, amount, false);
    }

    public Position paid() {
        return new Position(id, vault, owner, series, quantity, premium, payout, true);
    }
}
