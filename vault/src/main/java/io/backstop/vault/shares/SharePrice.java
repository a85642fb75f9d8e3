package io.backstop.vault.shares;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The exchange rate between LP shares and the pool's net asset value, with OpenZeppelin's virtual offset:
 * shares = assets·(S + 10^δ)/(NAV + 1) and assets = shares·(NAV + 1)/(S + 10^δ), in minor units and share units.
 * The virtual share and unit make the first-depositor inflation attack cost the attacker more than it can take.
 *
 * @param nav    the net asset value (may be negative when options are deep in the money)
 * @param supply the shares outstanding
 */
public record SharePrice(Amount nav, Shares supply) {

    private static final long VIRTUAL_SHARES = 1000; // 10^δ in share units

    /** Shares for a deposit, rounded down (the depositor receives them). NAV must be non-negative. */
    public Shares sharesFor(Amount assets) {
        return Shares.ofUnits(Amount.mulDiv(assets.units(), virtualSupply(), virtualAssets(), Rounding.DOWN));
    }

    /** The assets shares are worth, rounded down (the holder receives them). */
    public Amount valueOf(Shares shares) {
        return Amount.ofUnits(Amount.mulDiv(shares.units(), virtualAssets(), virtualSupply(), Rounding.DOWN));
    }

    /** Shares worth a given amount of assets, rounded in the given direction (up when they are burned). */
    public Shares sharesWorth(Amount assets, Rounding rounding) {
        return Shares.ofUnits(Amount.mulDiv(assets.units(), virtualSupply(), virtualAssets(), rounding));
    }

    /** Currency per whole share, for display: (NAV + 1 unit)/(S + 10^δ units) per share. */
    public BigDecimal perShare() {
        return BigDecimal.valueOf(virtualAssets(), Amount.SCALE)
                .divide(BigDecimal.valueOf(virtualSupply(), Shares.SCALE), 12, RoundingMode.DOWN)
                .stripTrailingZeros();
    }

    private long virtualAssets() {
        return Math.max(nav.units(), 0) + 1;
    }

    private long virtualSupply() {
        return Math.addExact(supply.units(), VIRTUAL_SHARES);
    }
}
