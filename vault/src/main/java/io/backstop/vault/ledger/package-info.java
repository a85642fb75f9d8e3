/**
 * Money and the double-entry journal: {@link io.backstop.vault.ledger.Amount} and
 * {@link io.backstop.vault.ledger.Quantity} in integer minor units, {@link io.backstop.vault.ledger.Rounding}
 * named at every call, balanced {@link io.backstop.vault.ledger.JournalEntry journal entries} and
 * {@link io.backstop.vault.ledger.Balances} as their fold.
 */
package io.backstop.vault.ledger;
