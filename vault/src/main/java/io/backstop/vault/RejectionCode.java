package io.backstop.vault;

/**
 * Why a command was refused. Each code has a stable slug (the service's problem {@code type} ends with it); what a
 * code means in HTTP is the service's business, not the engine's.
 */
public enum RejectionCode {
    INVALID_AMOUNT("invalid-amount"),
    INVALID_QUANTITY("invalid-quantity"),
    INSUFFICIENT_SHARES("insufficient-shares"),
    /** A cancellation by an LP with nothing in the withdrawal queue. */
    NOTHING_QUEUED("nothing-queued"),
    NOT_LISTED("not-listed"),
    AFTER_CUTOFF("trading-cutoff"),
    MAX_PREMIUM_EXCEEDED("max-premium-exceeded"),
    MIN_PROCEEDS_NOT_MET("min-proceeds-not-met"),
    EXCEEDS_POSITION("exceeds-position"),
    INSUFFICIENT_LIQUIDITY("insufficient-liquidity"),
    UTILIZATION_CAP("utilization-cap"),
    TRADING_HALTED("trading-halted"),
    STALE_QUOTE("quote-expired"),
    /** The market moved, or the vault's parameters changed, since the quote was given: it no longer binds. */
    QUOTE_STALE_PRICE("quote-stale-price"),
    QUOTE_NOT_YOURS("forbidden"),
    NOT_THE_HOLDER("forbidden"),
    QUOTE_TAKEN("quote-taken"),
    VAULT_INSOLVENT("vault-insolvent"),
    NOT_EXPIRED("not-expired"),
    ALREADY_SETTLED("already-settled"),
    /** An operator's settlement price before the series' grace period after expiry has passed. */
    FORCED_SETTLEMENT_TOO_EARLY("forced-settlement-too-early"),
    INVALID_SETTLEMENT("invalid-settlement"),
    NOTHING_TO_PAY("nothing-to-pay"),
    PARAMETER_OUT_OF_BOUNDS("parameter-out-of-bounds"),
    /** A vault id, underlying or quote currency the rules do not allow. */
    INVALID_VAULT("invalid-vault"),
    INVALID_PRICE("invalid-price"),
    STALE_PRICE("stale-price"),
    FUTURE_PRICE("future-price"),
    PRICE_JUMP("price-jump"),
    /** An oracle report for an underlying that no vault trades. */
    UNKNOWN_UNDERLYING("unknown-underlying"),
    NO_PRICE("no-price");

    private final String slug;

    RejectionCode(String slug) {
        this.slug = slug;
    }

    /** The stable kebab-case name, e.g. "insufficient-liquidity". */
    public String slug() {
        return slug;
    }
}
