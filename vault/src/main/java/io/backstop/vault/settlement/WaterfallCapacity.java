package io.backstop.vault.settlement;

import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.risk.StressScenarios;
import java.util.ArrayList;
import java.util.List;

/**
 * The settlement waterfall's layers as they stand, and how far each stress scenario's claims would reach down them:
 * each series' claims first from its own locked collateral, what is left from LP capital above the protected floor,
 * then from the buffer; beyond that, socialised. The same order and floor as {@link SettlementWaterfall}, applied to
 * the whole book at once with each series' stress values as its claims per contract (the values are those of the
 * last repricing).
 *
 * @param locked      each unsettled series' locked collateral
 * @param lpDrawable  LP free capital above the protected floor
 * @param lpFloor     the protected floor ({@code lpProtectedFraction} of LP capital)
 * @param buffer      the insurance buffer
 * @param scenarios   each stress scenario's claims and where they reach
 */
public record WaterfallCapacity(List<SeriesLayer> locked, Amount lpDrawable, Amount lpFloor, Amount buffer,
        List<ScenarioReach> scenarios) {

    /** A series' locked collateral: the first layer of its own claims. */
    public record SeriesLayer(String seriesId, Amount locked) {
    }

    /** The deepest layer a scenario's claims reach. */
    public enum Layer { NONE, LOCKED, LP_CAPITAL, BUFFER, SOCIALISED }

    /**
     * One stress scenario: the book's claims, what each layer would pay, and the deepest layer reached.
     *
     * @param spotMove   the spot move, a fraction (−1: a crash to zero); volatility ×{@link
     *                   StressScenarios#volFactor()} in every scenario
     * @param claims     every series' claims together
     * @param fromLocked paid by the series' own collateral
     * @param fromLp     paid by LP capital above the floor
     * @param fromBuffer paid by the buffer
     * @param socialised what no layer would pay
     */
    public record ScenarioReach(double spotMove, Amount claims, Amount fromLocked, Amount fromLp, Amount fromBuffer,
            Amount socialised, Layer reaches) {
    }

    /** The layers of a vault and the reach of each scenario over its unsettled series. */
    public static WaterfallCapacity of(VaultState vault, List<SeriesBook> unsettled) {
        Balances b = vault.balances();
        Amount floor = b.lpCapital().times(vault.parameters().lpProtectedFraction(), Rounding.UP);
        Amount lpDrawable = Amount.max(b.lpFree().minus(floor), Amount.ZERO);
        List<SeriesLayer> locked = new ArrayList<>(unsettled.size());
        for (SeriesBook book : unsettled) {
            locked.add(new SeriesLayer(book.id(), book.locked()));
        }
        List<ScenarioReach> scenarios = new ArrayList<>(StressScenarios.COUNT);
        for (int i = 0; i < StressScenarios.COUNT; i++) {
            long claims = 0;
            long fromLocked = 0;
            for (SeriesBook book : unsettled) {
                // Claims rounded up: the cautious side for a reader of the fund's capacity.
                long c = Amount.of(book.stressValues()[i] * book.openInterest().toDouble(), Rounding.UP).units();
                claims = Math.addExact(claims, c);
                fromLocked = Math.addExact(fromLocked, Math.min(c, book.locked().units()));
            }
            long remaining = claims - fromLocked;
            long fromLp = Math.min(remaining, lpDrawable.units());
            remaining -= fromLp;
            long fromBuffer = Math.min(remaining, b.buffer().units());
            long socialised = remaining - fromBuffer;
            Layer reaches = socialised > 0 ? Layer.SOCIALISED : fromBuffer > 0 ? Layer.BUFFER
                    : fromLp > 0 ? Layer.LP_CAPITAL : fromLocked > 0 ? Layer.LOCKED : Layer.NONE;
            scenarios.add(new ScenarioReach(StressScenarios.spotMove(i), Amount.ofUnits(claims),
                    Amount.ofUnits(fromLocked), Amount.ofUnits(fromLp), Amount.ofUnits(fromBuffer),
                    Amount.ofUnits(socialised), reaches));
        }
        return new WaterfallCapacity(List.copyOf(locked), lpDrawable, floor, b.buffer(), List.copyOf(scenarios));
    }
}
