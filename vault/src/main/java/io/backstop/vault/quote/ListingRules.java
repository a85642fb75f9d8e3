package io.backstop.vault.quote;

import io.backstop.vault.Rejection;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.governance.Parameter;
import io.backstop.vault.governance.VaultParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which series may be sold now: expiries at 08:00 UTC, at least the trading cutoff and at most {@code maxExpiry}
 * ahead; strikes on the {@code strikeStep} grid within the moneyness bounds around spot.
 */
public final class ListingRules {

    private static final long EXPIRY_SECOND_OF_DAY = 8 * 3600;

    private ListingRules() {
    }

    /** The first rule the series breaks at this instant and spot, or empty when it may be sold. */
    public static Optional<Rejection> check(OptionSeries series, double spot, Instant now, VaultParameters p) {
        long expirySecond = series.expiry().getEpochSecond();
        if (Math.floorMod(expirySecond, 86_400L) != EXPIRY_SECOND_OF_DAY || series.expiry().getNano() != 0) {
            return reject(RejectionCode.NOT_LISTED, "expiries are at 08:00 UTC, was " + series.expiry());
        }
        double aheadSeconds = Pricing.secondsBetween(now, series.expiry());
        if (aheadSeconds < p.get(Parameter.TRADING_CUTOFF)) {
            return reject(RejectionCode.AFTER_CUTOFF, "sales close " + p.tradingCutoff() + " before expiry; "
                    + series.expiry() + " is " + (aheadSeconds < 0 ? "past" : Duration.between(now, series.expiry())
                    + " away"));
        }
        if (aheadSeconds > p.get(Parameter.MAX_EXPIRY)) {
            return reject(RejectionCode.NOT_LISTED, "expiry " + series.expiry() + " is more than " + p.maxExpiry()
                    + " ahead");
        }
        long step = p.strikeStepUnits();
        if (series.strike().units() % step != 0) {
            return reject(RejectionCode.NOT_LISTED, "strike " + series.strike() + " is not a multiple of the strike "
                    + "step " + p.strikeStep());
        }
        double moneyness = series.strike().toDouble() / spot;
        if (moneyness < p.minMoneyness() || moneyness > p.maxMoneyness()) {
            return reject(RejectionCode.NOT_LISTED, "strike " + series.strike() + " is outside " + p.minMoneyness()
                    + "–" + p.maxMoneyness() + " × spot " + spot);
        }
        return Optional.empty();
    }

    /**
     * The expiries listed now: every day's 08:00 UTC from the first still before the trading cutoff to the last
     * within {@code maxExpiry}, in order. A sale of any of them passes the expiry rules at {@code now}.
     */
    public static List<Instant> expiries(Instant now, VaultParameters p) {
        Instant first = now.truncatedTo(ChronoUnit.DAYS).plusSeconds(EXPIRY_SECOND_OF_DAY);
        List<Instant> listed = new ArrayList<>();
        for (Instant expiry = first; Pricing.secondsBetween(now, expiry) <= p.get(Parameter.MAX_EXPIRY);
                expiry = expiry.plus(1, ChronoUnit.DAYS)) {
            if (Pricing.secondsBetween(now, expiry) >= p.get(Parameter.TRADING_CUTOFF)) {
                listed.add(expiry);
            }
        }
        return listed;
    }

    private static Optional<Rejection> reject(RejectionCode code, String detail) {
        return Optional.of(new Rejection(code, detail));
    }
}
