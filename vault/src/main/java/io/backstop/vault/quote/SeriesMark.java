package io.backstop.vault.quote;

import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;

/**
 * One series' mark at a market snapshot and instant under a parameter version: the volatility it is priced at and
 * the value of one contract. The NAV marks the vault's book with these values, and a sale's theoretical premium is
 * the mark times the quantity, so a quote and the NAV never disagree on what an option is worth. Only
 * {@link SeriesMarks} takes marks, so a mark's value is always the one its series, market, parameters and instant
 * give. Immutable.
 */
public final class SeriesMark {

    private final OptionSeries series;
    private final MarketSnapshot market;
    private final VaultParameters parameters;
    private final Instant at;
    private final double volatility;
    private final double valuePerContract;

    SeriesMark(OptionSeries series, MarketSnapshot market, VaultParameters parameters, Instant at, double volatility,
            double valuePerContract) {
        this.series = series;
        this.market = market;
        this.parameters = parameters;
        this.at = at;
        this.volatility = volatility;
        this.valuePerContract = valuePerContract;
    }

    /** The series marked alone (a book marks its series with one {@link SeriesMarks}). */
    public static SeriesMark of(OptionSeries series, MarketSnapshot market, VaultParameters parameters, Instant now) {
        return new SeriesMarks(market, parameters, now).mark(series);
    }

    public OptionSeries series() {
        return series;
    }

    public MarketSnapshot market() {
        return market;
    }

    public VaultParameters parameters() {
        return parameters;
    }

    /** The instant the series was marked at. */
    public Instant at() {
        return at;
    }

    /** The volatility priced at: the surface's for the series plus the market's shift, floored at 1%. */
    public double volatility() {
        return volatility;
    }

    /** The value of one contract; its intrinsic value at and after expiry. */
    public double valuePerContract() {
        return valuePerContract;
    }

    /** Whether the mark was taken under these parameters (the same version, usually the same object). */
    public boolean isUnder(VaultParameters p) {
        return parameters == p || parameters.equals(p);
    }
}
