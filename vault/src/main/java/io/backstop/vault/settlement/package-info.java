/**
 * Expiry settlement: the {@link io.backstop.vault.settlement.SettlementWaterfall} (locked collateral, LP capital
 * to its protected floor, insurance buffer, then pro-rata socialisation) and its
 * {@link io.backstop.vault.settlement.SettlementReport}.
 */
package io.backstop.vault.settlement;
