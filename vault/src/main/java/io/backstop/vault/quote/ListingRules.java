package io.backstop.vault.quote;

import io.backstop.vault.Rejection;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.governance.VaultParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Which series may be sold now: expiries at 08:00 UTC, at least the trading cutoff and at most {@code maxExpiry}
 * ahead; strikes on the {@code strikeStep} grid within the moneyness bounds around spot.
 */
public final class ListingRules {

    private ListingRules() {
    }

    /** The first rule the series breaks at this instant and spot, or empty when it may be sold. */
    public static Optional<Rejection> check(OptionSeries series, double spot, Instant now, VaultParameters p) {
        ZonedDateTime expiry = series.expiry().atZone(ZoneOffset.UTC);
        if (expiry.getHour() != 8 || expiry.getMinute() != 0 || expiry.getSecond() != 0 || expiry.getNano() != 0) {
            return reject(RejectionCode.NOT_LISTED, "expiries are at 08:00 UTC, was " + series.expiry());
        }
        Duration ahead = Duration.between(now, series.expiry());
        if (ahead.compareTo(p.tradingCutoff()) < 0) {
            return reject(RejectionCode.AFTER_CUTOFF, "sales close " + p.tradingCutoff() + " before expiry; "
                    + series.expiry() + " is " + (ahead.isNegative() ? "past" : ahead + " away"));
        }
        if (ahead.compareTo(p.maxExpiry()) > 0) {
            return reject(RejectionCode.NOT_LISTED, "expiry " + series.expiry() + " is more than " + p.maxExpiry()
                    + " ahead");
        }
        long step = p.strikeStep().units();
        if (series.strike().units() % step != 0) {
            return reject(RejectionCode.NOT_LISTED, "strike " + series.strike() + " is not a multiple of the strike step "
                    + p.strikeStep());
        }
        double moneyness = series.strike().toDouble() / spot;
        if (moneyness < p.minMoneyness() || moneyness > p.maxMoneyness()) {
            return reject(RejectionCode.NOT_LISTED, "strike " + series.strike() + " is outside " + p.minMoneyness()
                    + "–" + p.maxMoneyness() + " × spot " + spot);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> reject(RejectionCode code, String detail) {
        return Optional.of(new Rejection(code, detail));
    }
}
