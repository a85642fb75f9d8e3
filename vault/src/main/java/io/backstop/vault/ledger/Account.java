package io.backstop.vault.ledger;

/**
 * A ledger account of one vault. {@link Kind#CASH} is the pool's asset; every other account is a claim on it, so
 * conservation reads cash = LP free + locked + buffer + treasury + trader payouts + dust.
 *
 * @param kind   what the account holds
 * @param series the option series for {@link Kind#LOCKED}, else null
 */
public record Account(Kind kind, String series) {

    /** The kinds of account a vault keeps. */
    public enum Kind {
        /** Everything the pool holds (debit-normal). */
        CASH,
        /** LP capital not committed to any series. */
        LP_FREE,
        /** Collateral locked for one series. */
        LOCKED,
        /** The insurance buffer. */
        BUFFER,
        /** Protocol fees. */
        TREASURY,
        /** Settled payouts owed to traders, in transit until paid. */
        TRADER_PAYOUTS,
        /** Remainders of rounding, kept by the pool and never given to a user. */
        DUST
    }

    public static final Account CASH = new Account(Kind.CASH, null);
    public static final Account LP_FREE = new Account(Kind.LP_FREE, null);
    public static final Account BUFFER = new Account(Kind.BUFFER, null);
    public static final Account TREASURY = new Account(Kind.TREASURY, null);
    public static final Account TRADER_PAYOUTS = new Account(Kind.TRADER_PAYOUTS, null);
    public static final Account DUST = new Account(Kind.DUST, null);

    public Account {
        if (kind == null) {
            throw new IllegalArgumentException("account kind is missing");
        }
        if ((kind == Kind.LOCKED) != (series != null)) {
            throw new IllegalArgumentException("a series is required for locked collateral and only there");
        }
    }

    /** The locked-collateral account of a series. */
    public static Account locked(String series) {
        return new Account(Kind.LOCKED, series);
    }

    @Override
    public String toString() {
        return series == null ? kind.name().toLowerCase() : "locked:" + series;
    }
}
