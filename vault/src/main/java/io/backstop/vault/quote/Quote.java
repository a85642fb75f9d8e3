package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import java.time.Instant;

/**
 * A binding offer to one trader to sell a quantity of a series at a premium until {@code validUntil}, if the trade
 * then still passes every check. Only that trader can take it, and only once.
 *
 * @param id          unique within the vault
 * @param vault       the vault id
 * @param owner       the trader it was issued to
 * @param series      the series
 * @param quantity    contracts
 * @param breakdown   the itemised premium
 * @param parametersVersion the version of the vault's parameters (and surface) it was priced under
 * @param collateral  what the pool locks if the quote is taken
 * @param issuedAt    when it was issued
 * @param validUntil  last instant it binds
 * @param taken       whether it has been taken
 */
public record Quote(String id, String vault, String owner, OptionSeries series, Quantity quantity,
        QuoteBreakdown breakdown, long parametersVersion, Amount collateral, Instant issuedAt, Instant validUntil,
        boolean taken) {

    public Quote {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("a quote is issued to a trader");
        }
    }

    /** The same quote, taken. */
    public Quote asTaken() {
        return new Quote(id, vault, owner, series, quantity, breakdown, parametersVersion, collateral, issuedAt,
                validUntil, true);
    }

    /** The premium the trader pays. */
    public Amount premium() {
        return breakdown.premium();
    }
}
