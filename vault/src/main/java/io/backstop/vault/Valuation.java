package io.backstop.vault;

import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.quote.SeriesMarks;
import java.time.Instant;
import java.util.Collection;

/**
 * The mark-to-market liability of the options a vault has sold: Σ over its unsettled series of open interest ×
 * value per contract (intrinsic once expired). Computed from per-series open interest, never from positions.
 *
 * @param liability the liability in currency, not rounded
 */
public record Valuation(double liability) {

    /** Nothing outstanding. */
    public static final Valuation NONE = new Valuation(0);

    public Valuation {
        if (!(liability >= 0) || !Double.isFinite(liability)) {
            throw new IllegalArgumentException("liability must be non-negative and finite, was " + liability);
        }
    }

    /**
     * Values the unsettled series of a vault. Given in {@link OptionSeries#BOOK_ORDER}, a call and a put of one
     * strike share their pricing (see {@link SeriesMarks}); each series' value does not depend on it.
     */
    public static Valuation of(Collection<SeriesBook> series, MarketSnapshot market, VaultParameters p, Instant now) {
        return of(series, market, p, now, null);
    }

    /**
     * Values as {@link #of(Collection, MarketSnapshot, VaultParameters, Instant)} does, keeping the i-th series'
     * mark in {@code marks[i]} (null for one settled or without open interest); see {@link MarkedBook#value}.
     *
     * @param marks at least as long as {@code series}, or null to keep none
     */
    static Valuation of(Collection<SeriesBook> series, MarketSnapshot market, VaultParameters p, Instant now,
            SeriesMark[] marks) {
        SeriesMarks m = new SeriesMarks(market, p, now);
        double sum = 0;
        int i = 0;
        for (SeriesBook book : series) {
            SeriesMark mark = null;
            if (!book.isSettled() && book.openInterest().isPositive()) {
                double value;
                if (marks == null) {
                    value = m.valuePerContract(book.series());
                } else {
                    mark = m.mark(book.series());
                    value = mark.valuePerContract();
                }
                sum += book.openInterest().toDouble() * value;
            }
            if (marks != null) {
                marks[i++] = mark;
            }
        }
        return new Valuation(sum);
    }

    /**
     * NAV = LP free + locked − liability, with the liability rounded in the given direction: down when shares are
     * minted (a higher NAV mints fewer), up when they are redeemed (a lower NAV pays less).
     */
    public Amount nav(VaultState vault, Rounding liabilityRounding) {
        return vault.balances().lpCapital().minus(Amount.of(liability, liabilityRounding));
    }
}
