package io.backstop.vault.quote;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;

/**
 * The forward terms of series priced one after another at one market snapshot and instant: time to expiry (ACT/365),
 * the discounted spot and strike legs and the log-moneyness ln(F/K). A series of the last one's expiry keeps the
 * time and the discount factors; one of its strike too keeps every term, which a strike's call and put share.
 *
 * <p>Mutable and confined to one thread: one per valuation.
 */
public final class ForwardTerms {

    private final double spot;
    private final VaultParameters parameters;
    private final Instant now;

    private Instant expiry;
    private double years;
    private double sqrtYears;
    private double spotLeg;
    private double strikeDiscount;
    private long strikeUnits = -1;
    private double strikeLeg;
    private double logMoneyness;

    /** Terms at this market and instant with the vault's rate and dividend yield. */
    public ForwardTerms(MarketSnapshot market, VaultParameters parameters, Instant now) {
        this.spot = market.spot();
        this.parameters = parameters;
        this.now = now;
    }

    /**
     * Moves to a series' terms.
     *
     * @return true when they changed (another expiry or strike than the last series'), false when they are the same
     */
    public boolean moveTo(OptionSeries series) {
        if (!series.expiry().equals(expiry)) {
            expiry = series.expiry();
            years = Pricing.yearsBetween(now, expiry);
            sqrtYears = Math.sqrt(years);
            spotLeg = spot * Math.exp(-parameters.dividendYield() * years);
            strikeDiscount = Math.exp(-parameters.rate() * years);
            strikeUnits = -1;
        }
        if (series.strike().units() == strikeUnits) {
            return false;
        }
        strikeUnits = series.strike().units();
        double strike = series.strike().toDouble();
        strikeLeg = strike * strikeDiscount;
        logMoneyness = BlackScholesMerton.logMoneyness(spot, strike, years, parameters.rate(),
                parameters.dividendYield());
        return true;
    }

    /** ACT/365 years to expiry, 0 at and after it. */
    public double years() {
        return years;
    }

    /** √years. */
    public double sqrtYears() {
        return sqrtYears;
    }

    /** S·e^{−qT}. */
    public double spotLeg() {
        return spotLeg;
    }

    /** K·e^{−rT}. */
    public double strikeLeg() {
        return strikeLeg;
    }

    /** x = ln(F/K). */
    public double logMoneyness() {
        return logMoneyness;
    }
}
