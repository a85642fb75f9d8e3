package io.backstop.vault.oracle;

import io.backstop.vault.ledger.Amount;
import java.time.Instant;

/**
 * A price of the underlying in the quote currency, as an oracle reported it.
 *
 * @param at    when the price was observed
 * @param price the price, positive once accepted
 */
public record PriceObservation(Instant at, Amount price) {

    public PriceObservation {
        if (at == null || price == null) {
            throw new IllegalArgumentException("a price observation needs an instant and a price");
        }
    }
}
