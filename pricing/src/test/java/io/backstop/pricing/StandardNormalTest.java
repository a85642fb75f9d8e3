package io.backstop.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Erfcx;
import org.junit.jupiter.api.Test;

class StandardNormalTest {

    /** Near zero erfcx is e^{a²}·erfc(a) instead of Commons' erf-and-expm1 branch: within 2 ulps of it there. */
    @Test
    void erfcx_nearZeroStaysWithinTwoUlpsOfCommonsNumbers() {
        SplittableRandom random = new SplittableRandom(11);
        double worst = 0;
        for (int i = 0; i < 100_000; i++) {
            double a = random.nextDouble(-0.5, 0.5);
            double expected = Erfcx.value(a);
            worst = Math.max(worst, Math.abs(StandardNormal.erfcx(a) - expected) / Math.ulp(expected));
        }
        assertThat(worst).isLessThanOrEqualTo(2);
        for (double a : new double[] {-26, -3, -0.5, 0.5, 2, 40, 1e9}) {
            assertThat(StandardNormal.erfcx(a)).as("a = %s", a).isEqualTo(Erfcx.value(a));
        }
    }
}
