package io.backstop.pricing.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SviCalibrationTest {

    private static final double PARAMETER_TOL = 1e-6;

    @Test
    void calibration_recoversKnownParametersFromTheirOwnVols() {
        double expiry = 0.5;
        SviSmile truth = new SviSmile(0.02, 0.15, -0.45, 0.04, 0.18);
        double[] k = new double[21];
        double[] vols = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = -1 + 0.1 * i;
            vols[i] = Math.sqrt(truth.totalVariance(k[i]) / expiry);
        }
        SviCalibration.Fit fit = SviCalibration.calibrate(expiry, k, vols);
        assertThat(fit.rmsError()).isLessThan(1e-10);
        assertThat(fit.smile().a()).isCloseTo(truth.a(), within(PARAMETER_TOL));
        assertThat(fit.smile().b()).isCloseTo(truth.b(), within(PARAMETER_TOL));
        assertThat(fit.smile().rho()).isCloseTo(truth.rho(), within(PARAMETER_TOL));
        assertThat(fit.smile().m()).isCloseTo(truth.m(), within(PARAMETER_TOL));
        assertThat(fit.smile().sigma()).isCloseTo(truth.sigma(), within(PARAMETER_TOL));
    }

    @Test
    void calibration_fitsNoisyQuotesToTheirNoiseLevel() {
        double expiry = 30 / 365.0;
        SviSmile truth = new SviSmile(0.003, 0.05, 0.2, -0.02, 0.06);
        double[] k = new double[15];
        double[] vols = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = -0.35 + 0.05 * i;
            double noise = (i % 2 == 0 ? 1 : -1) * 0.001; // ±0.1 vol point, alternating
            vols[i] = Math.sqrt(truth.totalVariance(k[i]) / expiry) + noise;
        }
        SviCalibration.Fit fit = SviCalibration.calibrate(expiry, k, vols);
        assertThat(fit.rmsError()).isLessThanOrEqualTo(0.001);
        assertThat(ArbitrageCheck.violations(new java.util.TreeMap<>(java.util.Map.of(expiry, fit.smile())))).isEmpty();
    }

    @Test
    void calibration_rejectsTooFewOrMismatchedQuotes() {
        assertThatThrownBy(() -> SviCalibration.calibrate(1, new double[] {0, 0.1, 0.2}, new double[] {0.2, 0.2, 0.2}))
                .hasMessage("SVI has five parameters: need at least five quotes, got 3");
        assertThatThrownBy(() -> SviCalibration.calibrate(1, new double[] {0, 0.1}, new double[] {0.2}))
                .hasMessage("need as many implied vols as strikes, got 1 vols for 2 strikes");
        assertThatThrownBy(() -> SviCalibration.calibrate(1, new double[] {0, 0.1, 0.2, 0.3, 0.4},
                new double[] {0.2, 0.2, -0.2, 0.2, 0.2}))
                .hasMessage("quote 2 is not a finite positive implied vol at a finite log-moneyness: k=0.2, vol=-0.2");
    }
}
