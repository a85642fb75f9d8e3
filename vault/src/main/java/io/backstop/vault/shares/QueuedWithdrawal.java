package io.backstop.vault.shares;

import java.time.Instant;

/**
 * Shares waiting to be redeemed because free liquidity was short; served first in, first out as collateral is
 * released, at the NAV of the moment they are served.
 *
 * @param owner    the LP
 * @param shares   shares still to redeem, held by the queue
 * @param queuedAt when the request was made
 */
public record QueuedWithdrawal(String owner, Shares shares, Instant queuedAt) {
}
