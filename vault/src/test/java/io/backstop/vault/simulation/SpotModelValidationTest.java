package io.backstop.vault.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import io.backstop.vault.simulation.market.JumpDiffusion;
import io.backstop.vault.simulation.market.SpotModel;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The market models against closed forms: with drift = rate − dividend the Monte Carlo mean of the discounted
 * payoff is the risk-neutral price, so it must match Black-Scholes-Merton (GBM) and Merton's series (jumps) within
 * four standard errors. The paths are made by the simulator's own stepping, 30 daily steps, per-path streams.
 */
class SpotModelValidationTest {

    private static final int PATHS = 40_000;
    private static final int STEPS = 30;
    private static final double DT = 1 / 365.0;
    private static final double T = STEPS * DT;
    private static final double RATE = 0.03;
    private static final double DIVIDEND = 0.01;

    @Test
    void gbm_meanDiscountedPayoffIsBlackScholes() {
        JumpDiffusion gbm = JumpDiffusion.geometricBrownianMotion(2000, RATE - DIVIDEND, 0.8);
        for (OptionType type : OptionType.values()) {
            for (double strike : new double[] {1600, 2000, 2500}) {
                double expected = BlackScholesMerton.price(type, 2000, strike, T, RATE, DIVIDEND, 0.8);
                assertWithinFourStandardErrors(gbm, type, strike, expected);
            }
        }
    }

    @Test
    void jumpDiffusion_meanDiscountedPayoffIsMertonsSeries() {
        JumpDiffusion merton = new JumpDiffusion(2000, RATE - DIVIDEND, 0.6, 12, -0.15, 0.2);
        for (OptionType type : OptionType.values()) {
            for (double strike : new double[] {1500, 2000, 2400}) {
                assertWithinFourStandardErrors(merton, type, strike, mertonPrice(merton, type, strike));
            }
        }
    }

    /** Merton (1976): a Poisson mixture of BSM prices with jump-adjusted rate and variance. */
    private static double mertonPrice(JumpDiffusion m, OptionType type, double strike) {
        double kappa = m.meanJump();
        double lambdaPrime = m.jumpIntensity() * (1 + kappa);
        double weight = Math.exp(-lambdaPrime * T);
        double price = 0;
        for (int n = 0; n < 60; n++) {
            if (n > 0) {
                weight *= lambdaPrime * T / n;
            }
            double rateN = RATE - m.jumpIntensity() * kappa + n * Math.log1p(kappa) / T;
            double volN = Math.sqrt(m.vol() * m.vol() + n * m.jumpVolLog() * m.jumpVolLog() / T);
            // BSM at rate r_n, discounted at r_n; Merton's series discounts each term at r_n by construction.
            price += weight * BlackScholesMerton.price(type, m.initialSpot(), strike, T, rateN, DIVIDEND, volN);
        }
        return price;
    }

    private static void assertWithinFourStandardErrors(SpotModel model, OptionType type, double strike,
            double expected) {
        SummaryStatistics payoff = new SummaryStatistics();
        double[] spots = new double[STEPS + 1];
        double discount = Math.exp(-RATE * T);
        for (int path = 0; path < PATHS; path++) {
            PathStreams streams = new PathStreams(11, path);
            model.fill(spots, DT, streams.market, streams.normal);
            double s = spots[STEPS];
            payoff.addValue(discount * Math.max(type == OptionType.CALL ? s - strike : strike - s, 0));
        }
        double standardError = payoff.getStandardDeviation() / Math.sqrt(PATHS);
        assertThat(Math.abs(payoff.getMean() - expected))
                .as("%s %s K=%s: MC %s ± %s vs %s", model.getClass().getSimpleName(), type, strike, payoff.getMean(),
                        standardError, expected)
                .isLessThanOrEqualTo(4 * standardError);
    }
}
