package io.backstop.vault.simulation;

import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;

/**
 * How the simulated vault starts: LP capital deposited, the insurance buffer funded, and the parameters in force.
 *
 * @param lpCapital  LP capital at the start, positive
 * @param buffer     the insurance buffer at the start, non-negative
 * @param parameters the vault's parameters, surface included
 */
public record VaultSetup(Amount lpCapital, Amount buffer, VaultParameters parameters) {

    public VaultSetup {
        if (!lpCapital.isPositive() || buffer.isNegative() || parameters == null) {
            throw new IllegalArgumentException("need positive LP capital, a non-negative buffer and parameters");
        }
    }

    /** The same vault with another starting buffer. */
    public VaultSetup withBuffer(Amount newBuffer) {
        return new VaultSetup(lpCapital, newBuffer, parameters);
    }
}
