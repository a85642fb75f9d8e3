/**
 * Options, quotes and trades: {@link io.backstop.vault.quote.OptionSeries}, {@link io.backstop.vault.quote.ListingRules},
 * the published {@link io.backstop.vault.quote.PremiumSchedule}, the {@link io.backstop.vault.quote.SalePolicy sale
 * policies} every sale passes, {@link io.backstop.vault.quote.Quote} and {@link io.backstop.vault.quote.Position}.
 */
package io.backstop.vault.quote;
