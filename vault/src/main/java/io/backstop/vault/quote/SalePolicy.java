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
 *
 * <p>One enum constant per rule, so that the rules and their order read as one list (BENCHMARKS.md, "Engine code
 * shaped for speed", says why it is not one lambda per rule).
 */
public enum SalePolicy {

    /** Quantity must be positive. */
    POSITIVE_QUANTITY,
    /** The risk ladder has not halted sales. */
    TRADING_NOT_HALTED,
    /** Listing rules and trading cutoff. */
    LISTED,
    /** Free liquidity covers the collateral. */
    FREE_LIQUIDITY,
    /** Post-trade utilisation within the band's cap. */
    UTILIZATION_CAP;

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
    public record Sale(VaultState vault, OptionSeries series, Quantity quantity, double spot, Amount collateral,
            Amount lpIncome, Instant now) {
    }

    /** Every sale policy, in reporting order. */
    public static final List<SalePolicy> ALL = List.of(values());

    /**
     * What a position the pool takes over must pass: it was written elsewhere, so listing, halt and utilisation
     * rules of new sales do not apply, but its collateral must still come out of free liquidity.
     */
    public static final List<SalePolicy> ASSUMPTION = List.of(POSITIVE_QUANTITY, FREE_LIQUIDITY);

    /** The rejection, or empty when the sale passes. */
    public Optional<Rejection> check(Sale sale) {
        return switch (this) {
            case POSITIVE_QUANTITY -> positiveQuantity(sale);
            case TRADING_NOT_HALTED -> tradingNotHalted(sale);
            case LISTED -> ListingRules.check(sale.series(), sale.spot(), sale.now(), sale.vault().parameters());
            case FREE_LIQUIDITY -> freeLiquidity(sale);
            case UTILIZATION_CAP -> utilizationCap(sale);
        };
    }

    private static Optional<Rejection> positiveQuantity(Sale s) {
        return s.quantity().isPositive() ? Optional.empty()
                : Optional.of(new Rejection(RejectionCode.INVALID_QUANTITY, "quantity must be positive, was "
                        + s.quantity()));
    }

    private static Optional<Rejection> tradingNotHalted(Sale s) {
        return s.vault().riskLevel().allowsSales() ? Optional.empty()
                : Optional.of(new Rejection(RejectionCode.TRADING_HALTED, "new sales are halted: buffer coverage "
                        + Decimals.fixed(s.vault().coverage().ratio(), 3) + " is below "
                        + s.vault().parameters().get(Parameter.HALT_BELOW_COVERAGE)));
    }

    private static Optional<Rejection> freeLiquidity(Sale s) {
        // In minor units: every quote and every buy passes here, and the amounts are only needed for the message.
        long free = Math.addExact(s.vault().balances().lpFree().units(), s.lpIncome().units());
        return free >= s.collateral().units() ? Optional.empty()
                : Optional.of(new Rejection(RejectionCode.INSUFFICIENT_LIQUIDITY, "collateral " + s.collateral()
                        + " exceeds free liquidity " + Amount.ofUnits(free)));
    }

    private static Optional<Rejection> utilizationCap(Sale s) {
        Balances balances = s.vault().balances();
        long capital = Math.addExact(balances.lpCapital().units(), s.lpIncome().units());
        long lockedAfter = Math.addExact(balances.locked().units(), s.collateral().units());
        double cap = s.vault().riskLevel().maxUtilization(s.vault().parameters());
        double after = capital > 0 ? (double) lockedAfter / capital : 1;
        return after <= cap ? Optional.empty()
                : Optional.of(new Rejection(RejectionCode.UTILIZATION_CAP, "post-trade utilisation "
                        + Decimals.fixed(after, 4) + " would exceed the cap " + Decimals.fixed(cap, 4)));
    }

    /** The first rejection among {@link #ALL}, or empty. */
    public static Optional<Rejection> firstRejection(Sale sale) {
        return firstRejection(sale, ALL);
    }

    /** The first rejection among the given policies, or empty. */
    public static Optional<Rejection> firstRejection(Sale sale, List<SalePolicy> policies) {
        for (int i = 0; i < policies.size(); i++) {
            Optional<Rejection> r = policies.get(i).check(sale);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
