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

    private final MarketSnapshot market;
    private final VaultParameters parameters;
    private final Instant now;
    private final ForwardTerms terms;
    // The last strike's volatility and time value: what its other side shares.
    private double volatility;
    private double timeValue;

    /** Marks at this market and instant with the vault's parameters. */
    public SeriesMarks(MarketSnapshot market, VaultParameters parameters, Instant now) {
        this.market = market;
        this.parameters = parameters;
        this.now = now;
        this.terms = new ForwardTerms(market, parameters, now);
    }

    /** The value of one contract of the series now; its intrinsic value at and after expiry. */
    public double valuePerContract(OptionSeries series) {
        boolean moved = terms.moveTo(series);
        double years = terms.years();
        if (years == 0) {
            return BlackScholesMerton.price(series.type(), market.spot(), series.strike().toDouble(), 0,
                    parameters.rate(), parameters.dividendYield(), 0);
        }
        double x = terms.logMoneyness();
        if (moved) {
            volatility = Pricing.volatility(x, years, market.volShift(), parameters);
            timeValue = BlackScholesMerton.timeValueFromLegs(x, volatility * terms.sqrtYears(), terms.spotLeg(),
                    terms.strikeLeg());
        }
        return BlackScholesMerton.priceFromTimeValue(series.type(), x, timeValue, terms.spotLeg(), terms.strikeLeg());
    }

    /**
     * The series' mark: its {@linkplain #valuePerContract value per contract} and the volatility it is priced at
     * (read at a second to expiry once it has expired).
     */
    public SeriesMark mark(OptionSeries series) {
        double value = valuePerContract(series);
        // An expired series is valued at its intrinsic value, with no volatility read: the mark reads one for it.
        double vol = terms.years() == 0
                ? Pricing.volatility(terms.logMoneyness(), 0, market.volShift(), parameters) : volatility;
        return new SeriesMark(series, market, parameters, now, vol, value);
    }
}
