package io.backstop.vault.collateral;

import io.backstop.pricing.OptionType;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;

/**
 * Collateral the pool locks per sale: puts {@code putCollateralFactor} × strike per contract; calls
 * {@code callCollateralFactor} × spot at sale per contract. A call's payoff is unbounded, so its payout can exceed
 * what is locked; the settlement waterfall covers the difference. Rounded up: the pool locks at least enough.
 */
public final class CollateralPolicy {

    private CollateralPolicy() {
    }

    /** The collateral for a quantity of a series sold at this spot. */
    public static Amount required(OptionSeries series, Quantity quantity, double spot, VaultParameters p) {
        double perContract = series.type() == OptionType.PUT
                ? p.putCollateralFactor() * series.strike().toDouble()
                : p.callCollateralFactor() * spot;
        return Amount.perContract(perContract, quantity, Rounding.UP);
    }
}
