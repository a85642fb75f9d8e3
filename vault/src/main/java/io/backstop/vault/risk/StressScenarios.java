package io.backstop.vault.risk;

import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Pricing;
import java.time.Instant;

/**
 * The SPAN-like scenario grid: spot moves of ±10, 20, 33, 50 and 100% crossed with volatility ×1.3 and ×0.7,
 * twenty scenarios. A series' value per contract in each is priced on the vault's surface at the shocked spot.
 */
public final class StressScenarios {

    private static final double[] SPOT_MOVES = {-1.0, -0.5, -0.33, -0.2, -0.1, 0.1, 0.2, 0.33, 0.5, 1.0};
    private static final double[] VOL_MOVES = {-0.3, 0.3};
    /** How many scenarios the grid has. */
    public static final int COUNT = SPOT_MOVES.length * VOL_MOVES.length;
    /** A spot move of −100% is priced at this fraction of spot: the option values at zero, without a zero spot. */
    private static final double FLOOR = 1e-9;

    private StressScenarios() {
    }

    /** The value per contract of a series in every scenario, in scenario order. */
    public static double[] valuesPerContract(OptionSeries series, MarketSnapshot market, VaultParameters p,
            Instant now) {
        double[] values = new double[COUNT];
        double t = Pricing.yearsBetween(now, series.expiry());
        int i = 0;
        for (double spotMove : SPOT_MOVES) {
            double spot = Math.max(market.spot() * (1 + spotMove), FLOOR * market.spot());
            for (double volMove : VOL_MOVES) {
                double vol = Pricing.volatility(series, new MarketSnapshot(spot, market.volShift()), p, now)
                        * (1 + volMove);
                values[i++] = Pricing.valuePerContract(series, spot, t, vol, p);
            }
        }
        return values;
    }
}
