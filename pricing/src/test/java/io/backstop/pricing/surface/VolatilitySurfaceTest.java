package io.backstop.pricing.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VolatilitySurfaceTest {

    private static final double TOL = 1e-14;
    private static final SviSmile ONE_MONTH = new SviSmile(0.004, 0.06, -0.3, 0.01, 0.08);
    private static final SviSmile THREE_MONTHS = new SviSmile(0.012, 0.10, -0.35, 0.02, 0.12);

    private static final VolatilitySurface SURFACE =
            VolatilitySurface.of(Map.of(1 / 12.0, ONE_MONTH, 0.25, THREE_MONTHS));

    @Test
    void totalVariance_isTheSmileAtAQuotedExpiry() {
        assertThat(SURFACE.totalVariance(0.1, 0.25)).isEqualTo(THREE_MONTHS.totalVariance(0.1));
        assertThat(SURFACE.totalVariance(-0.2, 1 / 12.0)).isEqualTo(ONE_MONTH.totalVariance(-0.2));
    }

    @Test
    void totalVariance_isLinearInExpiryBetweenQuotedExpiries() {
        double t = (1 / 12.0 + 0.25) / 2;
        double expected = (ONE_MONTH.totalVariance(0.05) + THREE_MONTHS.totalVariance(0.05)) / 2;
        assertThat(SURFACE.totalVariance(0.05, t)).isCloseTo(expected, within(TOL));
    }

    @Test
    void impliedVolatility_isFlatBeyondTheQuotedExpiries_toTheBit() {
        double atThreeMonths = SURFACE.impliedVolatility(0.1, 0.25);
        double atOneMonth = SURFACE.impliedVolatility(-0.1, 1 / 12.0);
        for (double t : new double[] {0.2500001, 0.3, 2.0, 7.3, 30}) {
            assertThat(SURFACE.impliedVolatility(0.1, t)).isEqualTo(atThreeMonths);
        }
        for (double t : new double[] {0, 1e-9, 1 / 365.0, 0.05, 1 / 12.0 - 1e-9}) {
            assertThat(SURFACE.impliedVolatility(-0.1, t)).isEqualTo(atOneMonth);
        }
    }

    @Test
    void volatility_readsTheSmileAtTheForwardLogMoneyness() {
        double spot = 2000;
        double strike = 2200;
        double t = 0.25;
        double k = Math.log(strike / (spot * Math.exp((0.05 - 0.01) * t)));
        assertThat(SURFACE.volatility(spot, strike, t, 0.05, 0.01))
                .isCloseTo(Math.sqrt(THREE_MONTHS.totalVariance(k) / t), within(TOL));
    }

    @Test
    void flatSurface_hasOneVolatilityEverywhere() {
        VolatilitySurface flat = VolatilitySurface.flat(0.8);
        for (double t : new double[] {1 / 365.0, 0.5, 3}) {
            for (double k : new double[] {-1, 0, 0.7}) {
                assertThat(flat.impliedVolatility(k, t)).isCloseTo(0.8, within(TOL));
            }
        }
    }

    @Test
    void flatZeroVolatilitySurface_isAcceptedAndZeroEverywhere() {
        VolatilitySurface zero = VolatilitySurface.flat(0);
        assertThat(zero.impliedVolatility(0.4, 0.5)).isZero();
        assertThat(new SviSmile(0, 0, 0, 0, 1).durrleman(0.3)).isEqualTo(1.0);
    }

    @Test
    void calendarArbitrage_isRejected() {
        // The later smile lies below the earlier one at every strike: a calendar spread that pays to own.
        assertThatThrownBy(() -> VolatilitySurface.of(Map.of(0.25, THREE_MONTHS, 0.5, ONE_MONTH)))
                .isInstanceOfSatisfying(VolatilityArbitrageException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).kind()).isEqualTo(ArbitrageViolation.Kind.CALENDAR);
                    assertThat(e.violations().get(0).expiry()).isEqualTo(0.5);
                })
                .hasMessageContaining("calendar arbitrage at T=0.5");
    }

    @Test
    void butterflyArbitrage_isRejected() {
        // Gatheral and Jacquier (2014), example 3.1 (after Axel Vogt): a smile with negative density near k = 1.
        SviSmile vogt = new SviSmile(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);
        assertThat(vogt.durrleman(1.0)).isNegative();
        assertThatThrownBy(() -> VolatilitySurface.of(Map.of(1.0, vogt)))
                .isInstanceOfSatisfying(VolatilityArbitrageException.class, e -> {
                    assertThat(e.violations()).extracting(ArbitrageViolation::kind)
                            .containsExactly(ArbitrageViolation.Kind.BUTTERFLY);
                    assertThat(e.violations().get(0).logMoneyness()).isBetween(0.5, 1.5);
                })
                .hasMessageContaining("butterfly arbitrage at T=1.0");
    }

    @Test
    void sviParameters_areValidated() {
        assertThatThrownBy(() -> new SviSmile(0.01, -0.1, 0, 0, 0.1)).hasMessage("SVI b must be non-negative, was -0.1");
        assertThatThrownBy(() -> new SviSmile(0.01, 0.1, 1, 0, 0.1)).hasMessage("SVI rho must lie in (-1, 1), was 1.0");
        assertThatThrownBy(() -> new SviSmile(0.01, 0.1, 0, 0, 0)).hasMessage("SVI sigma must be positive, was 0.0");
        assertThatThrownBy(() -> new SviSmile(-0.5, 0.1, 0, 0, 0.1))
                .hasMessageStartingWith("SVI minimum total variance");
        assertThatThrownBy(() -> VolatilitySurface.of(Map.of(-1.0, ONE_MONTH)))
                .hasMessage("smile expiry must be positive and finite, was -1.0");
        assertThatThrownBy(() -> VolatilitySurface.of(Map.of()))
                .hasMessage("a volatility surface needs at least one smile");
    }
}
