/**
 * The Backstop vault engine. {@link io.backstop.vault.VaultEngine} takes a command's aggregates
 * ({@link io.backstop.vault.VaultState}, a series book, an LP account, positions), the
 * {@link io.backstop.vault.MarketSnapshot} and the clock instant, and returns an {@link io.backstop.vault.Outcome}:
 * new aggregates, {@link io.backstop.vault.VaultEvent events} and balanced journal entries, or a typed
 * {@link io.backstop.vault.Rejection}. Sub-packages hold each feature's rules.
 */
package io.backstop.vault;
