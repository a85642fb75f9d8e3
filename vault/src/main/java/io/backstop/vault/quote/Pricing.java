package io.backstop.vault.quote;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;

/**
 * How the vault values a series: year fractions ACT/365 from the clock instant, volatility from the vault's
 * surface plus the market's shift (floored at 1%), Black-Scholes-Merton with the vault's rate and dividend yield.
 * Quotes, NAV and stress all value through here.
 */
public final class Pricing {

    private static final double SECONDS_PER_YEAR = 365 * 86400.0;
    private static final double MIN_VOL = 0.01;

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
        double t = Math.max(yearsBetween(now, series.expiry()), 1.0 / SECONDS_PER_YEAR);
        double vol = p.surface().volatility(market.spot(), series.strike().toDouble(), t, p.rate(), p.dividendYield());
        return Math.max(vol + market.volShift(), MIN_VOL);
    }

    /** The value of one contract now; intrinsic value at and after expiry. */
    public static double valuePerContract(OptionSeries series, MarketSnapshot market, VaultParameters p, Instant now) {
        double t = yearsBetween(now, series.expiry());
        double vol = t > 0 ? volatility(series, market, p, now) : 0;
        return valuePerContract(series, market.spot(), t, vol, p);
    }

    /**
     * The value of one contract at a given spot, time to expiry and volatility, with the vault's rate and dividend
     * yield: what quotes, marks and stress scenarios all price with once they have chosen their volatility.
     */
    public static double valuePerContract(OptionSeries series, double spot, double years, double vol,
            VaultParameters p) {
        return BlackScholesMerton.price(series.type(), spot, series.strike().toDouble(), years, p.rate(),
                p.dividendYield(), vol);
    }
}
