package io.backstop.vault.quote;

import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.risk.RiskLevel;

/**
 * The published premium formula for a quantity q of a series:
 * <pre>
 *   theoretical = mark × q,  mark = BSM(spot, K, T, r, q, σ_surface + shift) (a {@link SeriesMark})
 *   spread      = theoretical × (spreadBase + spreadSlope × u² / (1 − u)),  u = post-trade utilisation (≤ 0.99)
 *   fees        = (optionFeeRate × theoretical + spotFeeRate × spot × q) × fee multiplier of the risk band
 *   buffer      = fees × buffer fee share of the band + lpPremiumShareToBuffer × (theoretical + spread)
 *   premium     = theoretical + spread + fees
 * </pre>
 * Each of theoretical, spread and fees is rounded up to a minor unit (the trader pays); the buffer's part is
 * rounded down and the treasury takes the remainder of the fees, so nothing is lost between them.
 */
public final class PremiumSchedule {

    private static final double MAX_SPREAD_UTILIZATION = 0.99;

    private PremiumSchedule() {
    }

    /** Post-trade utilisation: (locked + collateral) / LP capital, 1 when there is no capital. */
    public static double postTradeUtilization(Balances balances, Amount collateral) {
        Amount capital = balances.lpCapital();
        return capital.isPositive() ? balances.locked().plus(collateral).toDouble() / capital.toDouble() : 1;
    }

    /**
     * The itemised premium of a quantity of the marked series, at the mark's market under its parameters; the
     * buffer's share of the fees follows the band and the coverage ({@link RiskLevel#bufferFeeShare(VaultParameters,
     * double)}).
     */
    public static QuoteBreakdown price(SeriesMark mark, Quantity quantity, RiskLevel level, double coverage,
            double utilizationAfter) {
        VaultParameters p = mark.parameters();
        double spot = mark.market().spot();
        Amount theoretical = Amount.perContract(mark.valuePerContract(), quantity, Rounding.UP);
        double u = Math.min(Math.max(utilizationAfter, 0), MAX_SPREAD_UTILIZATION);
        double spreadRate = p.spreadBase() + p.spreadSlope() * u * u / (1 - u);
        Amount spread = theoretical.times(spreadRate, Rounding.UP);
        double feeMultiplier = level.feeMultiplier(p);
        Amount optionFee = theoretical.times(p.optionFeeRate() * feeMultiplier, Rounding.UP);
        Amount spotFee = Amount.perContract(spot * p.spotFeeRate() * feeMultiplier, quantity, Rounding.UP);
        Amount fees = optionFee.plus(spotFee);
        Amount feesToBuffer = fees.times(level.bufferFeeShare(p, coverage), Rounding.DOWN);
        Amount lpToBuffer = theoretical.plus(spread).times(p.lpPremiumShareToBuffer(), Rounding.DOWN);
        return new QuoteBreakdown(spot, mark.volatility(), theoretical, spread, fees, feesToBuffer.plus(lpToBuffer),
                fees.minus(feesToBuffer));
    }
}
