package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import java.time.Instant;

/**
 * The pool's binding offer to buy back a quantity of one holder's position at {@code proceeds} until
 * {@code validUntil}, while the market is where it was. Only that holder can take it, and only once: the mirror of
 * a {@link Quote}.
 *
 * @param id                unique within the vault
 * @param vault             the vault id
 * @param owner             the holder it was made to
 * @param position          the position it buys from
 * @param series            the position's series
 * @param quantity          contracts
 * @param breakdown         the itemised bid
 * @param parametersVersion the version of the vault's parameters (and surface) it was priced under
 * @param issuedAt          when it was made
 * @param validUntil        last instant it binds
 * @param taken             whether it has been taken
 */
public record Bid(String id, String vault, String owner, String position, OptionSeries series, Quantity quantity,
        BidBreakdown breakdown, long parametersVersion, Instant issuedAt, Instant validUntil, boolean taken) {

    public Bid {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a bid is made to a holder");
        }
    }

    /** The same bid, taken. */
    public Bid asTaken() {
        return new Bid(id, vault, owner, position, series, quantity, breakdown, parametersVersion, issuedAt,
                validUntil, true);
    }

    /** What the holder receives. */
    public Amount proceeds() {
        return breakdown.proceeds();
    }
}
