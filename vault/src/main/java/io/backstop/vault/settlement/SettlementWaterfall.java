package io.backstop.vault.settlement;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Pays the claims of one series through a fixed order of layers: (1) the series' locked collateral, (2) LP free
 * capital down to the protected floor ({@code lpProtectedFraction} of LP capital), (3) the insurance buffer. What
 * they cannot cover is socialised: every holder receives the same fraction available/claims of their claim, each
 * payout rounded down, the remainder kept as dust. Unused locked collateral returns to LP free capital.
 */
public final class SettlementWaterfall {

    private SettlementWaterfall() {
    }

    /**
     * Runs the waterfall.
     *
     * @param series             the series
     * @param settlementPrice    the settlement price
     * @param locked             the series' locked collateral
     * @param balances           the vault's balances before settlement
     * @param lpProtectedFraction fraction of LP capital the waterfall leaves untouched
     * @param positions          every position of the series
     */
    public static SettlementReport settle(OptionSeries series, Amount settlementPrice, Amount locked,
            Balances balances, double lpProtectedFraction, List<Position> positions) {
        Amount perContract = series.claimPerContract(settlementPrice);
        // Each holder's claim in minor units, rounded down: what the holder is owed before any layer runs short.
        long[] claims = new long[positions.size()];
        long claimed = 0;
        for (int i = 0; i < claims.length; i++) {
            claims[i] = perContract.times(positions.get(i).quantity(), Rounding.DOWN).units();
            claimed = Math.addExact(claimed, claims[i]);
        }
        Amount totalClaims = Amount.ofUnits(claimed);
        Amount fromLocked = Amount.min(locked, totalClaims);
        Amount remaining = totalClaims.minus(fromLocked);
        Amount floor = balances.lpCapital().times(lpProtectedFraction, Rounding.UP);
        Amount lpDrawable = Amount.max(balances.lpFree().minus(floor), Amount.ZERO);
        Amount fromLp = Amount.min(lpDrawable, remaining);
        remaining = remaining.minus(fromLp);
        Amount fromBuffer = Amount.min(balances.buffer(), remaining);
        Amount socialised = remaining.minus(fromBuffer);
        Amount available = fromLocked.plus(fromLp).plus(fromBuffer);

        List<SettlementReport.HolderPayout> payouts = new ArrayList<>(positions.size());
        long paid = 0;
        for (int i = 0; i < claims.length; i++) {
            Amount claim = Amount.ofUnits(claims[i]);
            Amount payout = socialised.isZero() ? claim
                    : Amount.ofUnits(Amount.mulDiv(claims[i], available.units(), claimed, Rounding.DOWN));
            paid = Math.addExact(paid, payout.units());
            Position p = positions.get(i);
            payouts.add(new SettlementReport.HolderPayout(p.id(), p.owner(), claim, payout));
        }
        Amount paidOut = Amount.ofUnits(paid);
        return new SettlementReport(series.id(), settlementPrice, totalClaims, fromLocked, fromLp, fromBuffer, paidOut,
                available.minus(paidOut), socialised, locked.minus(fromLocked), payouts);
    }
}
