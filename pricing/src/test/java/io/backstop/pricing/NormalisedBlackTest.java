package io.backstop.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalisedBlackTest {

    /**
     * The rough price a first implied-volatility step may take stays within its stated 3e-13 of the exact one
     * where it differs (0.01 ≤ t &lt; 0.21, −10 ≤ h ≤ 0), and is the exact one everywhere else.
     */
    @Test
    void outOfTheMoneyRoughly_staysWithin3e13OfTheExactPrice() {
        SplittableRandom random = new SplittableRandom(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double t = Math.exp(random.nextDouble(Math.log(0.01), Math.log(0.21)));
            double h = random.nextDouble(-10, 0);
            double x = 2 * h * t;
            double vega = NormalisedBlack.vegaAt(h, t);
            double exact = NormalisedBlack.outOfTheMoney(x, h, t, vega);
            worst = Math.max(worst, Math.abs(NormalisedBlack.outOfTheMoneyRoughly(x, h, t, vega) / exact - 1));
        }
        assertThat(worst).isLessThan(3e-13).isGreaterThan(0);
        double[][] elsewhere = {{-12, 0.15}, {-3, 0.005}, {-0.5, 0.3}, {-20, 2}};
        for (double[] point : elsewhere) {
            double h = point[0];
            double t = point[1];
            double vega = NormalisedBlack.vegaAt(h, t);
            assertThat(NormalisedBlack.outOfTheMoneyRoughly(2 * h * t, h, t, vega))
                    .as("h = %s, t = %s", h, t)
                    .isEqualTo(NormalisedBlack.outOfTheMoney(2 * h * t, h, t, vega));
        }
    }
}
