package io.backstop.vault.oracle;

import io.backstop.vault.ledger.Amount;

/**
 * What a reported price is judged against: the last accepted price of its underlying, and the lowest and highest
 * accepted within {@link OracleLimits#jumpWindow()} before the report (the last one counted in both).
 *
 * @param last    the last accepted price, or null when none was ever accepted
 * @param lowest  the lowest of them, null exactly when {@code last} is
 * @param highest the highest of them, null exactly when {@code last} is
 */
public record RecentPrices(PriceObservation last, Amount lowest, Amount highest) {

    /** No price accepted yet: the first report is judged against the operator's reference price. */
    public static final RecentPrices NONE = new RecentPrices(null, null, null);

    public RecentPrices {
        if ((last == null) != (lowest == null) || (last == null) != (highest == null)) {
            throw new IllegalArgumentException("the lowest and highest recent prices go with a last price");
        }
        if (last != null && (lowest.compareTo(last.price()) > 0 || highest.compareTo(last.price()) < 0)) {
            throw new IllegalArgumentException("the last price " + last.price() + " must lie within the recent "
                    + "range " + lowest + " to " + highest);
        }
    }

    /** Only the last price: the range of a window that holds nothing else. */
    public static RecentPrices of(PriceObservation last) {
        return of(last, null, null);
    }

    /**
     * The last price and the range of the prices accepted within the jump window, which counts the last one too
     * (it holds until the report, however long ago it was accepted).
     *
     * @param lowest  the lowest price accepted within the window, or null when none was
     * @param highest the highest, or null when none was
     */
    public static RecentPrices of(PriceObservation last, Amount lowest, Amount highest) {
        if (last == null) {
            return NONE;
        }
        Amount price = last.price();
        return new RecentPrices(last, lowest == null || lowest.compareTo(price) > 0 ? price : lowest,
                highest == null || highest.compareTo(price) < 0 ? price : highest);
    }
}
