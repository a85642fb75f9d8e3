package io.backstop.vault.risk;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.quote.ForwardTerms;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Pricing;
import java.time.Instant;

/**
 * The SPAN-like scenario grid: spot moves of ±10, 20, 33, 50 and 100%, each with volatility ×1.3, ten scenarios.
 * A series' value per contract in each is priced on the vault's surface at the shocked spot.
 *
 * <p>SPAN also moves volatility down (×0.7) because a clearing member's portfolio holds long options too. The
 * vault only ever sells: every open interest is non-negative and an option's value rises with volatility, so at
 * every spot move the liability with volatility down is at most the one with volatility up, and that column could
 * never be the worst. It is not priced.
 *
 * <p>A series is repriced on the whole grid at its first sale and at every reassessment, so the grid shares what
 * its scenarios have in common: one logarithm, one pair of discount factors and one square root of time per
 * series, and the −100% move in closed form.
 */
public final class StressScenarios {

    private static final double[] SPOT_MOVES = {-1.0, -0.5, -0.33, -0.2, -0.1, 0.1, 0.2, 0.33, 0.5, 1.0};
    private static final double VOL_MOVE = 0.3;
    /** How many scenarios the grid has. */
    public static final int COUNT = SPOT_MOVES.length;

    /** The spot move of scenario {@code i} as a fraction (−1 is a crash to zero); every scenario has vol ×1.3. */
    public static double spotMove(int i) {
        return SPOT_MOVES[i];
    }

    /** The volatility factor every scenario applies. */
    public static double volFactor() {
        return 1 + VOL_MOVE;
    }
    /** ln(1 + move) of each spot move, so a shocked log-moneyness is one addition; unused at −100%. */
    private static final double[] LOG_SPOT_FACTORS = new double[SPOT_MOVES.length];

    static {
        for (int m = 0; m < SPOT_MOVES.length; m++) {
            LOG_SPOT_FACTORS[m] = Math.log1p(SPOT_MOVES[m]);
        }
    }

    private StressScenarios() {
    }

    /** The value per contract of a series in every scenario, in scenario order. */
    public static double[] valuesPerContract(OptionSeries series, MarketSnapshot market, VaultParameters p,
            Instant now) {
        return new Repricing(market, p, now).valuesPerContract(series);
    }

    /**
     * Re-prices a book's series on the grid one after another at one market snapshot and instant, each to the bit
     * as {@link #valuesPerContract(OptionSeries, MarketSnapshot, VaultParameters, Instant)} prices it alone. A call
     * and a put of one strike and expiry priced one after the other share the whole grid's volatilities and time
     * values, as {@link io.backstop.vault.quote.SeriesMarks} does for marks, so a book in
     * {@link OptionSeries#BOOK_ORDER} costs less.
     *
     * <p>Mutable and confined to one thread: one per reassessment.
     */
    public static final class Repricing {

        private final MarketSnapshot market;
        private final VaultParameters parameters;
        private final ForwardTerms terms;
        // The last strike's scenario time values: what its other side shares.
        private final double[] timeValues = new double[COUNT];

        /** Re-prices at this market and instant with the vault's parameters. */
        public Repricing(MarketSnapshot market, VaultParameters parameters, Instant now) {
            this.market = market;
            this.parameters = parameters;
            this.terms = new ForwardTerms(market, parameters, now);
        }

        /** The value per contract of a series in every scenario, in scenario order. */
        public double[] valuesPerContract(OptionSeries series) {
            if (terms.moveTo(series)) {
                priceTimeValues();
            }
            double x = terms.logMoneyness();
            double spotLeg = terms.spotLeg();
            double strikeLeg = terms.strikeLeg();
            double[] values = new double[COUNT];
            OptionType type = series.type();
            for (int m = 0; m < SPOT_MOVES.length; m++) {
                // At zero spot a call is worthless and a put is worth its discounted strike, whatever the volatility.
                values[m] = SPOT_MOVES[m] == -1.0 ? (type == OptionType.CALL ? 0 : strikeLeg)
                        : BlackScholesMerton.priceFromTimeValue(type, x + LOG_SPOT_FACTORS[m], timeValues[m],
                                spotLeg * (1 + SPOT_MOVES[m]), strikeLeg);
            }
            return values;
        }

        /** The time values a strike and expiry's call and put share, one per scenario. */
        private void priceTimeValues() {
            double years = terms.years();
            double x = terms.logMoneyness();
            double sqrtT = terms.sqrtYears();
            // Every scenario's total volatility first, then the time values: the surface reads are short independent
            // chains of divisions and square roots, which the processor overlaps when they are not interleaved with
            // the long code of a price.
            for (int m = 0; m < SPOT_MOVES.length; m++) {
                timeValues[m] = years > 0 && SPOT_MOVES[m] != -1.0 ? Pricing.volatility(x + LOG_SPOT_FACTORS[m],
                        years, market.volShift(), parameters) * (1 + VOL_MOVE) * sqrtT : 0;
            }
            for (int m = 0; m < SPOT_MOVES.length; m++) {
                if (SPOT_MOVES[m] != -1.0) {
                    timeValues[m] = BlackScholesMerton.timeValueFromLegs(x + LOG_SPOT_FACTORS[m], timeValues[m],
                            terms.spotLeg() * (1 + SPOT_MOVES[m]), terms.strikeLeg());
                }
            }
        }
    }
}
