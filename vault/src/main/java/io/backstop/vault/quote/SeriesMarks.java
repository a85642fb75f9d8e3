package io.backstop.vault.quote;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;

/**
 * Marks a book's series one after another at one market snapshot and instant: each the Black-Scholes-Merton value
 * at the surface's volatility for it (plus the market's shift), its intrinsic value at and after expiry.
 *
 * <p>A series shares work with the one marked just before it ({@link ForwardTerms}); a call and a put of one strike
 * and expiry also share the volatility and the time value, since each price is its own forward intrinsic value plus
 * the value of whichever of the two is out of the money ({@link BlackScholesMerton#timeValueFromLegs}). A vault's
 * book often holds both sides of a strike (two in five of the calm simulation's live series), and a book in
 * {@link OptionSeries#BOOK_ORDER} puts them next to each other; any other order gives the same values at more cost.
 *
 * <p>Mutable and confined to one thread: one per valuation.
 */
public final class SeriesMarks {

    private final double spot;
    private final double volShift;
    private final VaultParameters parameters;
    private final ForwardTerms terms;
    private double timeValue;

    /** Marks at this market and instant with the vault's parameters. */
    public SeriesMarks(MarketSnapshot market, VaultParameters parameters, Instant now) {
        this.spot = market.spot();
        this.volShift = market.volShift();
        this.parameters = parameters;
        this.terms = new ForwardTerms(market, parameters, now);
    }

    /** The value of one contract of the series now; its intrinsic value at and after expiry. */
    public double valuePerContract(OptionSeries series) {
        boolean moved = terms.moveTo(series);
        double years = terms.years();
        if (years == 0) {
            return BlackScholesMerton.price(series.type(), spot, series.strike().toDouble(), 0, parameters.rate(),
                    parameters.dividendYield(), 0);
        }
        double x = terms.logMoneyness();
        if (moved) {
            double vol = Pricing.volatility(x, years, volShift, parameters);
            timeValue = BlackScholesMerton.timeValueFromLegs(x, vol * terms.sqrtYears(), terms.spotLeg(),
                    terms.strikeLeg());
        }
        return BlackScholesMerton.priceFromTimeValue(series.type(), x, timeValue, terms.spotLeg(), terms.strikeLeg());
    }
}
