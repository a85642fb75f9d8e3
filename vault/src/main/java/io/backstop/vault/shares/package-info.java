/**
 * LP shares in the ERC-4626 style: {@link io.backstop.vault.shares.Shares}, the virtual-offset
 * {@link io.backstop.vault.shares.SharePrice}, {@link io.backstop.vault.shares.LpAccount} and the FIFO
 * {@link io.backstop.vault.shares.QueuedWithdrawal withdrawal queue}.
 */
package io.backstop.vault.shares;
