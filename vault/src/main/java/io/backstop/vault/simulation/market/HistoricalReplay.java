package io.backstop.vault.simulation.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * Replays the log returns of a historical price series, one return per simulation step, rescaled to start at the
 * scenario's spot. With a block length of zero every path is the series itself (from its first return); otherwise
 * each path is a circular block bootstrap: blocks of that many consecutive returns, each starting at a uniformly
 * drawn return, which keeps volatility clustering within a block.
 *
 * @param initialSpot the spot every path starts at
 * @param logReturns  log returns of the series, one per step
 * @param blockLength returns per bootstrap block, or 0 to replay the series as it is
 */
public record HistoricalReplay(double initialSpot, double[] logReturns, int blockLength) implements SpotModel {

    public HistoricalReplay {
        if (!(initialSpot > 0) || !Double.isFinite(initialSpot)) {
            throw new IllegalArgumentException("spot must be positive, was " + initialSpot);
        }
        if (logReturns.length == 0 || blockLength < 0) {
            throw new IllegalArgumentException("a replay needs returns and a non-negative block length");
        }
        logReturns = logReturns.clone();
    }

    /**
     * The log returns of consecutive prices.
     *
     * @throws IllegalArgumentException naming the first price that is not positive and finite
     */
    public static double[] logReturns(double[] prices) {
        double[] r = new double[prices.length - 1];
        for (int i = 0; i < prices.length; i++) {
            if (!(prices[i] > 0) || !Double.isFinite(prices[i])) {
                throw new IllegalArgumentException("price " + (i + 1) + " must be positive, was " + prices[i]);
            }
            if (i > 0) {
                r[i - 1] = Math.log(prices[i] / prices[i - 1]);
            }
        }
        return r;
    }

    @Override
    public double[] logReturns() {
        return logReturns.clone();
    }

    @Override
    public void fill(double[] spots, double dt, UniformRandomProvider rng, NormalizedGaussianSampler normal) {
        int steps = spots.length - 1;
        if (blockLength == 0 && logReturns.length < steps) {
            throw new IllegalArgumentException("the series has " + logReturns.length + " returns, the path needs "
                    + steps);
        }
        double logSpot = Math.log(initialSpot);
        spots[0] = initialSpot;
        int cursor = 0;
        for (int i = 1; i <= steps; i++) {
            if (blockLength > 0 && (i - 1) % blockLength == 0) {
                cursor = rng.nextInt(logReturns.length);
            }
            logSpot += logReturns[cursor];
            cursor = (cursor + 1) % logReturns.length;
            spots[i] = Math.exp(logSpot);
        }
    }
}
