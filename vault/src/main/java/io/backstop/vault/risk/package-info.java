/**
 * Risk: the SPAN-like {@link io.backstop.vault.risk.StressScenarios scenario grid}, the vault's
 * {@link io.backstop.vault.risk.StressExposure}, buffer {@link io.backstop.vault.risk.Coverage} and the
 * automatic de-risking ladder of {@link io.backstop.vault.risk.RiskLevel}s.
 */
package io.backstop.vault.risk;
