package io.backstop.vault.quote;

import io.backstop.vault.Rejection;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.VaultState;
import io.backstop.vault.governance.Parameter;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Decimals;
import io.backstop.vault.ledger.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One rule a sale must pass, evaluated for a quote and again when it is taken. {@link #ALL} is the list, in the
 * order their rejections are reported.
 */
@FunctionalInterface
public interface SalePolicy {

    /** The rejection, or empty when the sale passes. */
    Optional<Rejection> check(Sale sale);

    /**
     * What a sale is checked against.
     *
     * @param vault      the vault before the sale
     * @param series     the series
     * @param quantity   contracts
     * @param spot       spot at the sale
     * @param collateral collateral the sale locks
     * @param lpIncome   what the premium adds to LP free capital
     * @param now        the clock
     */
    record Sale(VaultState vault, OptionSeries series, Quantity quantity, double spot, Amount collateral,
            Amount lpIncome, Instant now) {
    }

    /** Quantity must be positive. */
    SalePolicy POSITIVE_QUANTITY = s -> s.quantity().isPositive() ? Optional.empty()
            : Optional.of(new Rejection(RejectionCode.INVALID_QUANTITY, "quantity must be positive, was " + s.quantity()));

    /** The risk ladder has not halted sales. */
    SalePolicy TRADING_NOT_HALTED = s -> s.vault().riskLevel().allowsSales() ? Optional.empty()
            : Optional.of(new Rejection(RejectionCode.TRADING_HALTED, "new sales are halted: buffer coverage "
                    + Decimals.fixed(s.vault().coverage().ratio(), 3) + " is below "
                    + s.vault().parameters().get(Parameter.HALT_BELOW_COVERAGE)));

    /** Listing rules and trading cutoff. */
    SalePolicy LISTED = s -> ListingRules.check(s.series(), s.spot(), s.now(), s.vault().parameters());

    /** Free liquidity covers the collateral. */
    SalePolicy FREE_LIQUIDITY = s -> {
        // In minor units: every quote and every buy passes here, and the amounts are only needed for the message.
        long free = Math.addExact(s.vault().balances().lpFree().units(), s.lpIncome().units());
        return free >= s.collateral().units() ? Optional.empty()
                : Optional.of(new Rejection(RejectionCode.INSUFFICIENT_LIQUIDITY, "collateral " + s.collateral()
                        + " exceeds free liquidity " + Amount.ofUnits(free)));
    };

    /** Post-trade utilisation within the band's cap. */
    SalePolicy UTILIZATION_CAP = s -> {
        Balances balances = s.vault().balances();
        long capital = Math.addExact(balances.lpCapital().units(), s.lpIncome().units());
        long lockedAfter = Math.addExact(balances.locked().units(), s.collateral().units());
        double cap = s.vault().riskLevel().maxUtilization(s.vault().parameters());
        double after = capital > 0 ? (double) lockedAfter / capital : 1;
        return after <= cap ? Optional.empty()
                : Optional.of(new Rejection(RejectionCode.UTILIZATION_CAP, "post-trade utilisation "
                        + Decimals.fixed(after, 4) + " would exceed the cap " + Decimals.fixed(cap, 4)));
    };

    /** Every sale policy, in reporting order. */
    List<SalePolicy> ALL = List.of(POSITIVE_QUANTITY, TRADING_NOT_HALTED, LISTED, FREE_LIQUIDITY, UTILIZATION_CAP);

    /**
     * What a position the pool takes over must pass: it was written elsewhere, so listing, halt and utilisation
     * rules of new sales do not apply, but its collateral must still come out of free liquidity.
     */
    List<SalePolicy> ASSUMPTION = List.of(POSITIVE_QUANTITY, FREE_LIQUIDITY);

    /** The first rejection among {@link #ALL}, or empty. */
    static Optional<Rejection> firstRejection(Sale sale) {
        return firstRejection(sale, ALL);
    }

    /** The first rejection among the given policies, or empty. */
    static Optional<Rejection> firstRejection(Sale sale, List<SalePolicy> policies) {
        for (SalePolicy policy : policies) {
            Optional<Rejection> r = policy.check(sale);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
