package io.backstop.vault.simulation;

import io.backstop.vault.ledger.Quantity;

/**
 * Traders who buy options from the pool: Poisson arrivals; each picks call or put, a moneyness bucket (strike /
 * spot, rounded to the vault's strike grid), a weekly or monthly expiry (uniformly among those listed) and a
 * quantity uniform on a 0.1-contract grid. Every attribute is drawn whether or not the engine accepts the trade,
 * so two parameter sets see the same traders.
 *
 * @param arrivalsPerDay     expected arrivals per day, non-negative
 * @param callProbability    probability an arrival buys a call
 * @param moneyness          the buckets' strike / spot
 * @param moneynessWeights   relative weight of each bucket, same length, non-negative, not all zero
 * @param weeklyProbability  probability an arrival buys a weekly rather than a monthly expiry
 * @param minQuantity        smallest quantity, positive
 * @param maxQuantity        largest quantity, at least {@code minQuantity}
 */
public record TraderFlow(double arrivalsPerDay, double callProbability, double[] moneyness,
        double[] moneynessWeights, double weeklyProbability, Quantity minQuantity, Quantity maxQuantity) {

    /** No traders. */
    public static final TraderFlow NONE = new TraderFlow(0, 0.5, new double[] {1}, new double[] {1}, 1,
            Quantity.ofUnits(Quantity.ONE), Quantity.ofUnits(Quantity.ONE));

    public TraderFlow {
        if (!(arrivalsPerDay >= 0) || !Double.isFinite(arrivalsPerDay)) {
            throw new IllegalArgumentException("arrivalsPerDay must be finite and non-negative");
        }
        if (moneyness.length == 0 || moneyness.length != moneynessWeights.length) {
            throw new IllegalArgumentException("moneyness and its weights must be non-empty and of equal length");
        }
        double total = 0;
        for (int i = 0; i < moneyness.length; i++) {
            if (!(moneyness[i] > 0) || !(moneynessWeights[i] >= 0) || !Double.isFinite(moneynessWeights[i])) {
                throw new IllegalArgumentException("moneyness must be positive and weights non-negative");
            }
            total += moneynessWeights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("at least one moneyness weight must be positive");
        }
        if (!minQuantity.isPositive() || minQuantity.compareTo(maxQuantity) > 0) {
            throw new IllegalArgumentException("need 0 < minQuantity ≤ maxQuantity");
        }
        moneyness = moneyness.clone();
        moneynessWeights = moneynessWeights.clone();
    }

    @Override
    public double[] moneyness() {
        return moneyness.clone();
    }

    @Override
    public double[] moneynessWeights() {
        return moneynessWeights.clone();
    }

    /** The moneyness of the bucket a uniform draw in [0, 1) falls in, by weight. */
    double moneyness(double u) {
        double total = 0;
        for (double w : moneynessWeights) {
            total += w;
        }
        double target = u * total;
        double cumulative = 0;
        for (int i = 0; i < moneynessWeights.length; i++) {
            cumulative += moneynessWeights[i];
            if (target < cumulative) {
                return moneyness[i];
            }
        }
        return moneyness[moneyness.length - 1];
    }

    /** A quantity uniform on the 0.1-contract grid between the bounds, from a uniform draw in [0, 1). */
    Quantity quantity(double u) {
        long tick = Quantity.ONE / 10;
        long low = (minQuantity.units() + tick - 1) / tick;
        long high = Math.max(maxQuantity.units() / tick, low);
        return Quantity.ofUnits((low + (long) (u * (high - low + 1))) * tick);
    }
}
