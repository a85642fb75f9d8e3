package io.backstop.vault.oracle;

import io.backstop.vault.ledger.Amount;
import java.util.List;

/**
 * The lowest and highest of some accepted oracle prices: what bounds a price an operator sets by hand.
 *
 * @param lowest  the lowest price
 * @param highest the highest price
 */
public record PriceRange(Amount lowest, Amount highest) {

    public PriceRange {
        if (lowest.compareTo(highest) > 0) {
            throw new IllegalArgumentException("lowest " + lowest + " is above highest " + highest);
        }
    }

    /** The range the observations span, or null if there are none. */
    public static PriceRange spanning(List<PriceObservation> observations) {
        if (observations.isEmpty()) {
            return null;
        }
        Amount lowest = observations.get(0).price();
        Amount highest = lowest;
        for (PriceObservation o : observations) {
            lowest = Amount.min(lowest, o.price());
            highest = Amount.max(highest, o.price());
        }
        return new PriceRange(lowest, highest);
    }

    /** Whether a price lies within the range, both ends included. */
    public boolean contains(Amount price) {
        return price.compareTo(lowest) >= 0 && price.compareTo(highest) <= 0;
    }

    @Override
    public String toString() {
        return "[" + lowest + ", " + highest + "]";
    }
}
