package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import java.time.Instant;

/**
 * A binding offer to sell a quantity of a series at a premium until {@code validUntil}, if the trade then still
 * passes every check.
 *
 * @param id          unique within the vault
 * @param vault       the vault id
 * @param series      the series
 * @param quantity    contracts
 * @param breakdown   the itemised premium
 * @param collateral  what the pool locks if the quote is taken
 * @param issuedAt    when it was issued
 * @param validUntil  last instant it binds
 */
public record Quote(String id, String vault, OptionSeries series, Quantity quantity, QuoteBreakdown breakdown,
        Amount collateral, Instant issuedAt, Instant validUntil) {

    /** The premium the trader pays. */
    public Amount premium() {
        return breakdown.premium();
    }
}
