package io.backstop.vault.simulation;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;

/**
 * One line of the short book the vault holds when a simulation starts. Its premium was received before and is
 * part of the LP capital; its collateral is locked by the vault's policy at the start.
 *
 * @param type       call or put
 * @param strike     positive
 * @param expiryDays days from the start to expiry (at the start's time of day), positive
 * @param quantity   contracts, positive
 */
public record OpeningPosition(OptionType type, Amount strike, int expiryDays, Quantity quantity) {

    public OpeningPosition {
        if (type == null || !strike.isPositive() || expiryDays <= 0 || !quantity.isPositive()) {
            throw new IllegalArgumentException("an opening position needs a type, a positive strike, expiryDays > 0"
                    + " and a positive quantity");
        }
    }
}
