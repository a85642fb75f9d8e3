package io.backstop.pricing.bench;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import java.util.SplittableRandom;

/**
 * A fixed, seeded set of options such as a vault quotes: ETH-like spot 2000, strikes 0.5–2× spot on a 25 grid,
 * expiries from one day to a year, volatility 30–150%, rate 5%. Benchmarks cycle through it so nothing folds.
 */
final class OptionSet {

    static final int SIZE = 1024;
    final OptionType[] type = new OptionType[SIZE];
    final double[] spot = new double[SIZE];
    final double[] strike = new double[SIZE];
    final double[] expiry = new double[SIZE];
    final double[] rate = new double[SIZE];
    final double[] dividend = new double[SIZE];
    final double[] vol = new double[SIZE];
    final double[] price = new double[SIZE];

    OptionSet(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] days = {1, 7, 30, 90, 180, 365};
        for (int i = 0; i < SIZE; i++) {
            type[i] = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            spot[i] = 2000;
            strike[i] = Math.round(2000 * Math.exp(random.nextDouble(Math.log(0.5), Math.log(2))) / 25) * 25.0;
            expiry[i] = days[random.nextInt(days.length)] / 365;
            rate[i] = 0.05;
            dividend[i] = 0;
            vol[i] = random.nextDouble(0.3, 1.5);
            price[i] = BlackScholesMerton.price(type[i], spot[i], strike[i], expiry[i], rate[i], dividend[i], vol[i]);
        }
    }

    /**
     * Whether a bracketing solver can find this option's volatility at all: its time value (price less the
     * forward's intrinsic value) and its vega must both stand clear of rounding, or the objective is flat zero
     * near the root and Brent's bracket fails.
     */
    boolean bracketable(int i, double floor) {
        double intrinsic = Math.max(type[i].sign() * (spot[i] * Math.exp(-dividend[i] * expiry[i])
                - strike[i] * Math.exp(-rate[i] * expiry[i])), 0);
        double vega = BlackScholesMerton.vega(type[i], spot[i], strike[i], expiry[i], rate[i], dividend[i], vol[i]);
        return price[i] - intrinsic >= floor && vega >= floor;
    }
}
