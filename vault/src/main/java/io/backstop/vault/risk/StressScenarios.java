package io.backstop.vault.risk;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Pricing;
import java.time.Instant;

/**
 * The SPAN-like scenario grid: spot moves of ±10, 20, 33, 50 and 100% crossed with volatility ×1.3 and ×0.7,
 * twenty scenarios. A series' value per contract in each is priced on the vault's surface at the shocked spot.
 *
 * <p>A series is repriced on the whole grid at its first sale and at every reassessment, so the grid shares what
 * its scenarios have in common: one logarithm, one pair of discount factors and one square root of time per
 * series, one surface lookup per spot move (both volatility moves scale it), and the −100% move in closed form.
 */
public final class StressScenarios {

    private static final double[] SPOT_MOVES = {-1.0, -0.5, -0.33, -0.2, -0.1, 0.1, 0.2, 0.33, 0.5, 1.0};
    private static final double[] VOL_MOVES = {-0.3, 0.3};
    /** How many scenarios the grid has. */
    public static final int COUNT = SPOT_MOVES.length * VOL_MOVES.length;
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
        double[] values = new double[COUNT];
        OptionType type = series.type();
        double t = Pricing.yearsBetween(now, series.expiry());
        double strike = series.strike().toDouble();
        double strikeLeg = strike * Math.exp(-p.rate() * t);
        double spotLeg = market.spot() * Math.exp(-p.dividendYield() * t);
        double x = BlackScholesMerton.logMoneyness(market.spot(), strike, t, p.rate(), p.dividendYield());
        double sqrtT = Math.sqrt(t);
        int i = 0;
        for (int m = 0; m < SPOT_MOVES.length; m++) {
            if (SPOT_MOVES[m] == -1.0) {
                // At zero spot a call is worthless and a put is worth its discounted strike, whatever the volatility.
                double atZero = type == OptionType.CALL ? 0 : strikeLeg;
                for (int v = 0; v < VOL_MOVES.length; v++) {
                    values[i++] = atZero;
                }
                continue;
            }
            double shockedX = x + LOG_SPOT_FACTORS[m];
            double shockedSpotLeg = spotLeg * (1 + SPOT_MOVES[m]);
            double vol = t > 0 ? Pricing.volatility(shockedX, t, market.volShift(), p) : 0;
            for (double volMove : VOL_MOVES) {
                values[i++] = BlackScholesMerton.priceFromLegs(type, shockedX, vol * (1 + volMove) * sqrtT,
                        shockedSpotLeg, strikeLeg);
            }
        }
        return values;
    }
}
