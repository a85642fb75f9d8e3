package io.backstop.vault;

/**
 * Why a command was refused. Each code has a stable slug (the REST problem {@code type} ends with it) and the
 * HTTP status class it maps to.
 */
public enum RejectionCode {
    INVALID_AMOUNT("invalid-amount", 400),
    INVALID_QUANTITY("invalid-quantity", 400),
    INSUFFICIENT_SHARES("insufficient-shares", 409),
    NOT_LISTED("not-listed", 422),
    AFTER_CUTOFF("trading-cutoff", 422),
    MAX_PREMIUM_EXCEEDED("max-premium-exceeded", 409),
    INSUFFICIENT_LIQUIDITY("insufficient-liquidity", 409),
    UTILIZATION_CAP("utilization-cap", 409),
    TRADING_HALTED("trading-halted", 409),
    STALE_QUOTE("quote-expired", 409),
    QUOTE_NOT_YOURS("forbidden", 403),
    QUOTE_TAKEN("quote-taken", 409),
    VAULT_INSOLVENT("vault-insolvent", 409),
    NOT_EXPIRED("not-expired", 409),
    ALREADY_SETTLED("already-settled", 409),
    INVALID_SETTLEMENT("invalid-settlement", 422),
    NOTHING_TO_PAY("nothing-to-pay", 409),
    PARAMETER_OUT_OF_BOUNDS("parameter-out-of-bounds", 422),
    INVALID_PRICE("invalid-price", 422),
    STALE_PRICE("stale-price", 422),
    FUTURE_PRICE("future-price", 422),
    PRICE_JUMP("price-jump", 422),
    /** An oracle report for an underlying that no vault trades. */
    UNKNOWN_UNDERLYING("unknown-underlying", 422),
    NO_PRICE("no-price", 409);

    private final String slug;
    private final int status;

    RejectionCode(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    /** The stable kebab-case name, e.g. "insufficient-liquidity". */
    public String slug() {
        return slug;
    }

    /** The HTTP status a service answers with. */
    public int status() {
        return status;
    }
}
