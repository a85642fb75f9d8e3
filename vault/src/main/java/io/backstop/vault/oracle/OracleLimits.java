package io.backstop.vault.oracle;

import java.time.Duration;

/**
 * How far the service trusts its oracle.
 *
 * @param maxPriceJump  largest accepted relative move from the last accepted price, e.g. 0.5 for 50%
 * @param maxPriceAge   oldest a price may be when it arrives, when it is traded on, and when it is the last price
 *                      before an expiry
 * @param window        the settlement window: the time-weighted average runs over this span before expiry
 * @param minimumPrices fewest prices observed inside the window for a settlement price
 * @param jumpWindow    how far back the jump limit reaches: a price must be within maxPriceJump of every price
 *                      accepted in this span before it, so that ten small steps cannot make one large move
 */
public record OracleLimits(double maxPriceJump, Duration maxPriceAge, Duration window, int minimumPrices,
        Duration jumpWindow) {

    /** 50% jumps within any hour, 5-minute freshness, a 30-minute window with at least 2 prices. */
    public static final OracleLimits DEFAULTS = new OracleLimits(0.5, Duration.ofMinutes(5), Duration.ofMinutes(30),
            2, Duration.ofHours(1));

    public OracleLimits {
        if (!(maxPriceJump > 0) || !Double.isFinite(maxPriceJump)) {
            throw new IllegalArgumentException("maxPriceJump must be positive and finite, was " + maxPriceJump);
        }
        if (maxPriceAge == null || maxPriceAge.isNegative() || maxPriceAge.isZero()) {
            throw new IllegalArgumentException("maxPriceAge must be positive, was " + maxPriceAge);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the settlement window must be positive, was " + window);
        }
        if (jumpWindow == null || jumpWindow.isNegative()) {
            throw new IllegalArgumentException("the jump window must not be negative, was " + jumpWindow);
        }
        if (minimumPrices < 1) {
            throw new IllegalArgumentException("minimumPrices must be at least 1, was " + minimumPrices);
        }
    }
}
