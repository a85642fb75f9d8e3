package io.backstop.vault.settlement;

import io.backstop.vault.ledger.Amount;
import java.util.List;

/**
 * What a series' settlement did: the claims, what each layer of the waterfall contributed, what was paid, the
 * socialised loss and the payout ratio every holder received.
 *
 * @param series          the series id
 * @param settlementPrice the price settled at
 * @param claims          Σ per-position claims, each rounded down
 * @param fromLocked      paid from the series' locked collateral
 * @param fromLpCapital   paid from LP free capital
 * @param fromBuffer      paid from the insurance buffer
 * @param paid            Σ per-position payouts
 * @param dust            available − paid: rounding remainders kept by the pool
 * @param socialisedLoss  claims − available: unpaid because every layer was exhausted
 * @param released        unused locked collateral returned to LP free capital
 * @param payouts         per position, in the order given
 */
public record SettlementReport(String series, Amount settlementPrice, Amount claims, Amount fromLocked,
        Amount fromLpCapital, Amount fromBuffer, Amount paid, Amount dust, Amount socialisedLoss, Amount released,
        List<HolderPayout> payouts) {

    /** What the layers made available: paid + dust. */
    public Amount available() {
        return fromLocked.plus(fromLpCapital).plus(fromBuffer);
    }

    /** available / claims, 1 when there were no claims. */
    public double payoutRatio() {
        return claims.isZero() ? 1 : available().toDouble() / claims.toDouble();
    }

    /**
     * One position's share of the settlement.
     *
     * @param positionId the position
     * @param owner      its holder
     * @param claim      the full claim
     * @param payout     what is paid: claim × available / claims, rounded down
     */
    public record HolderPayout(String positionId, String owner, Amount claim, Amount payout) {
    }
}
