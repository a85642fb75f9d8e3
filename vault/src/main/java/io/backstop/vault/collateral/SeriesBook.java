package io.backstop.vault.collateral;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;

/**
 * One series' books in one vault: open interest sold, collateral locked for it (the fold of its locked account),
 * its per-contract value in each stress scenario as of the last reassessment, and whether it has settled.
 *
 * @param vault             the vault id
 * @param series            the series
 * @param openInterest      contracts sold, not bought back and not settled
 * @param locked            collateral locked for the series
 * @param stressValues      value per contract in each stress scenario
 * @param settlementPrice   null until settled
 */
public record SeriesBook(String vault, OptionSeries series, Quantity openInterest, Amount locked,
        double[] stressValues, Amount settlementPrice) {

    /** A series first traded now. */
    public static SeriesBook open(String vault, OptionSeries series, double[] stressValues) {
        return new SeriesBook(vault, series, Quantity.ZERO, Amount.ZERO, stressValues, null);
    }

    /** The series id. */
    public String id() {
        return series.id();
    }

    public boolean isSettled() {
        return settlementPrice != null;
    }

    /** After a sale. */
    public SeriesBook sold(Quantity quantity, Amount collateral) {
        return new SeriesBook(vault, series, openInterest.plus(quantity), locked.plus(collateral), stressValues, null);
    }

    /**
     * After the pool bought {@code quantity} back: the collateral those contracts no longer need, in proportion to
     * the open interest and rounded down (the pool keeps any remainder locked), all of it once nothing is open.
     */
    public Amount releasedBy(Quantity quantity) {
        return quantity.equals(openInterest) ? locked
                : Amount.ofUnits(Amount.mulDiv(locked.units(), quantity.units(), openInterest.units(),
                        Rounding.DOWN));
    }

    /** After the pool bought {@code quantity} back and released {@code collateral}. */
    public SeriesBook boughtBack(Quantity quantity, Amount collateral) {
        return new SeriesBook(vault, series, openInterest.minus(quantity), locked.minus(collateral), stressValues,
                null);
    }

    /** With fresh stress values. */
    public SeriesBook withStressValues(double[] values) {
        return new SeriesBook(vault, series, openInterest, locked, values, settlementPrice);
    }

    /** After settlement: nothing locked, price recorded. */
    public SeriesBook settled(Amount price) {
        return new SeriesBook(vault, series, openInterest, Amount.ZERO, stressValues, price);
    }
}
