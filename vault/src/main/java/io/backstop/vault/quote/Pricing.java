package io.backstop.vault.quote;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;

/**
 * How the vault values a series: year fractions ACT/365 from the clock instant, volatility from the vault's
 * surface plus the market's shift (floored at 1%), Black-Scholes-Merton with the vault's rate and dividend yield.
 * Marks ({@link SeriesMarks}, on which NAV and premiums alike are priced) and the stress grid read their
 * volatilities here.
 */
public final class Pricing {

    private static final double SECONDS_PER_YEAR = 365 * 86400.0;
    private static final double MIN_VOL = 0.01;
    /** The surface is read at no less than a second to expiry, where its total variance is still defined. */
    private static final double MIN_YEARS = 1.0 / SECONDS_PER_YEAR;

    private Pricing() {
    }

    /** ACT/365 years from one instant to another, zero if the second is not later. */
    public static double yearsBetween(Instant from, Instant to) {
        return Math.max(secondsBetween(from, to), 0) / SECONDS_PER_YEAR;
    }

    /** Seconds from one instant to another, negative if the second is earlier. */
    public static double secondsBetween(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) * 1e-9;
    }

    /** The volatility a series is priced at. */
    public static double volatility(OptionSeries series, MarketSnapshot market, VaultParameters p, Instant now) {
        double t = Math.max(yearsBetween(now, series.expiry()), MIN_YEARS);
        double x = BlackScholesMerton.logMoneyness(market.spot(), series.strike().toDouble(), t, p.rate(),
                p.dividendYield());
        return volatility(x, t, market.volShift(), p);
    }

    /**
     * The volatility at a log-moneyness ln(F/K) and time to expiry on the vault's surface, plus the market's shift,
     * floored: for callers that price one series at several spots and already hold ln(F/K) for each.
     */
    public static double volatility(double logMoneyness, double years, double volShift, VaultParameters p) {
        double vol = p.surface().impliedVolatility(-logMoneyness, Math.max(years, MIN_YEARS));
        return Math.max(vol + volShift, MIN_VOL);
    }
}
