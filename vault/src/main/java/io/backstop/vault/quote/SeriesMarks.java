package io.backstop.vault.quote;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;

/**
 * Marks a book's series one after another at one market snapshot and instant, each to the bit as
 * {@link Pricing#valuePerContract(OptionSeries, MarketSnapshot, VaultParameters, Instant)} values it alone.
 *
 * <p>A series shares work with the one marked just before it: one expiry shares the time to expiry and the discount
 * factors; a call and a put of one strike and expiry share the volatility and the time value, since each price is
 * its own forward intrinsic value plus the value of whichever of the two is out of the money
 * ({@link BlackScholesMerton#timeValueFromLegs}). A vault's book often holds both sides of a strike (two in five of
 * the calm simulation's live series), and a book in {@link OptionSeries#BOOK_ORDER} puts them next to each other;
 * any other order gives the same values at more cost.
 *
 * <p>Mutable and confined to one thread: one per valuation.
 */
public final class SeriesMarks {

    private final double spot;
    private final double volShift;
    private final VaultParameters parameters;
    private final Instant now;

    // What the last series marked shares with the next one: its expiry's terms, and its strike's.
    private Instant expiry;
    private double years;
    private double sqrtYears;
    private double spotLeg;
    private double strikeDiscount;
    private long strikeUnits = -1;
    private double strikeLeg;
    private double logMoneyness;
    private double timeValue;

    /** Marks at this market and instant with the vault's parameters. */
    public SeriesMarks(MarketSnapshot market, VaultParameters parameters, Instant now) {
        this.spot = market.spot();
        this.volShift = market.volShift();
        this.parameters = parameters;
        this.now = now;
    }

    /** The value of one contract of the series now; its intrinsic value at and after expiry. */
    public double valuePerContract(OptionSeries series) {
        if (!series.expiry().equals(expiry)) {
            expiry = series.expiry();
            years = Pricing.yearsBetween(now, expiry);
            sqrtYears = Math.sqrt(years);
            spotLeg = spot * Math.exp(-parameters.dividendYield() * years);
            strikeDiscount = Math.exp(-parameters.rate() * years);
            strikeUnits = -1;
        }
        double strike = series.strike().toDouble();
        if (years == 0) {
            return BlackScholesMerton.price(series.type(), spot, strike, 0, parameters.rate(),
                    parameters.dividendYield(), 0);
        }
        if (series.strike().units() != strikeUnits) {
            strikeUnits = series.strike().units();
            strikeLeg = strike * strikeDiscount;
            logMoneyness = BlackScholesMerton.logMoneyness(spot, strike, years, parameters.rate(),
                    parameters.dividendYield());
            double vol = Pricing.volatility(logMoneyness, years, volShift, parameters);
            timeValue = BlackScholesMerton.timeValueFromLegs(logMoneyness, vol * sqrtYears, spotLeg, strikeLeg);
        }
        return BlackScholesMerton.priceFromTimeValue(series.type(), logMoneyness, timeValue, spotLeg, strikeLeg);
    }
}
