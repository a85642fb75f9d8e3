package io.backstop.vault.risk;

import io.backstop.vault.governance.VaultParameters;
import java.time.Duration;
import java.time.Instant;

/**
 * When an oracle price reprices a vault's book on the stress grid (and moves the risk ladder) with no trade: if it
 * never was, if {@code riskReassessInterval} has passed since the last repricing, or at once if spot has moved by
 * {@code riskReassessMove} or more since then. A crash of the underlying moves the band at its first price; a
 * quiet market costs one repricing per interval.
 */
public final class RepricingTrigger {

    private RepricingTrigger() {
    }

    /**
     * Whether a price {@code spot} at {@code now} reprices the book last repriced at {@code lastAt} and spot
     * {@code lastSpot} (both null if never).
     */
    public static boolean isDue(VaultParameters parameters, Instant lastAt, Double lastSpot, Instant now,
            double spot) {
        if (lastAt == null || lastSpot == null || !(lastSpot > 0)) {
            return true;
        }
        if (Math.abs(spot / lastSpot - 1) >= parameters.riskReassessMove()) {
            return true;
        }
        return Duration.between(lastAt, now).compareTo(parameters.riskReassessInterval()) >= 0;
    }
}
