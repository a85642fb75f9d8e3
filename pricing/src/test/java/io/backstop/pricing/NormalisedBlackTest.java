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
    /**
     * The small-t expansion, where its truncation matters most (t just below 0.21, from the money to h = −9.7) and
     * well inside: within 2.5 times the attainable bound (1 + |s·∂b/∂s / b|)·ε of 50-digit values (mpmath, from
     * the double inputs as written). Columns: x, s, b(x, s), the bound's factor.
     */
    @Test
    void smallTimeExpansion_isWithinTheAttainableBoundOfTheReference() {
        double[][] cases = {
            {0.0, 0.4198, 0.1662542777699870155, 1.985},
            {-0.10495, 0.4198, 0.11907841200534652989, 2.333},
            {-0.4198, 0.4198, 0.034490595443049579424, 3.881},
            {-1.045, 0.418, 0.00082264716253170463254, 9.714},
            {-2.5188, 0.4198, 6.427503741237829714e-11, 39.82},
            {-4.07206, 0.4198, 6.2557988315374220996e-24, 97.99},
            {-0.1, 0.1, 0.0083249393767021414705, 3.903},
            {-0.0002, 0.002, 0.00070187053126171773316, 2.131},
        };
        for (double[] c : cases) {
            double relative = Math.abs(NormalisedBlack.call(c[0], c[1]) / c[2] - 1);
            assertThat(relative).as("x = %s, s = %s", c[0], c[1]).isLessThanOrEqualTo(2.5 * c[3] * Math.ulp(1.0));
        }
    }
}
