package io.backstop.vault.quote;

import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.risk.RiskLevel;

/**
 * The published bid for options a holder sells back to the pool before expiry, a quantity q of a series:
 * <pre>
 *   theoretical = mark × q                      (the same {@link SeriesMark} the NAV and the premium use)
 *   spread      = theoretical × spreadBase      (no utilisation term: a buyback frees collateral)
 *   fees        = min((optionFeeRate × theoretical + spotFeeRate × spot × q) × fee multiplier of the band,
 *                     theoretical − spread)     (capped at what the options are worth, as Lyra caps them)
 *   buffer      = fees × buffer fee share of the band at the coverage
 *   proceeds    = theoretical − spread − fees
 * </pre>
 * The theoretical value is rounded down, spread and fees up (the pool pays less, never more); the buffer's part is
 * rounded down and the treasury takes the remainder of the fees.
 */
public final class BidSchedule {

    private BidSchedule() {
    }

    /** The itemised bid for a quantity of the marked series, at the mark's market under its parameters. */
    public static BidBreakdown price(SeriesMark mark, Quantity quantity, RiskLevel level, double coverage) {
        VaultParameters p = mark.parameters();
        double spot = mark.market().spot();
        Amount theoretical = Amount.perContract(mark.valuePerContract(), quantity, Rounding.DOWN);
        Amount spread = Amount.min(theoretical.times(p.spreadBase(), Rounding.UP), theoretical);
        double feeMultiplier = level.feeMultiplier(p);
        Amount optionFee = theoretical.times(p.optionFeeRate() * feeMultiplier, Rounding.UP);
        Amount spotFee = Amount.perContract(spot * p.spotFeeRate() * feeMultiplier, quantity, Rounding.UP);
        Amount fees = Amount.min(optionFee.plus(spotFee), theoretical.minus(spread));
        Amount toBuffer = fees.times(level.bufferFeeShare(p, coverage), Rounding.DOWN);
        return new BidBreakdown(spot, mark.volatility(), theoretical, spread, fees, toBuffer, fees.minus(toBuffer));
    }
}
