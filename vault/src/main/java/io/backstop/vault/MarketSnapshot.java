package io.backstop.vault;

/**
 * The market inputs a command is evaluated against: the underlying's spot in the quote currency and an additive
 * shift of the vault's volatility surface (the simulator's stochastic vol level; 0 live unless the operator sets
 * one).
 *
 * @param spot     spot price, positive and finite
 * @param volShift added to every surface volatility; the result is floored at 1%
 */
public record MarketSnapshot(double spot, double volShift) {

    public MarketSnapshot {
        if (!(spot > 0) || !Double.isFinite(spot)) {
            throw new IllegalArgumentException("spot must be positive and finite, was " + spot);
        }
        if (!Double.isFinite(volShift)) {
            throw new IllegalArgumentException("volShift must be finite, was " + volShift);
        }
    }

    /** A snapshot at this spot with no volatility shift. */
    public static MarketSnapshot at(double spot) {
        return new MarketSnapshot(spot, 0);
    }
}
