/**
 * Governance: every {@link io.backstop.vault.governance.Parameter} with hard bounds and a default, versioned
 * {@link io.backstop.vault.governance.VaultParameters}; changes carry actor and reason and apply to later
 * commands only.
 */
package io.backstop.vault.governance;
