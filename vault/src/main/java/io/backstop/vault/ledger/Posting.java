package io.backstop.vault.ledger;

/**
 * One line of a journal entry: a debit or a credit of a positive amount to one account.
 *
 * @param account the account
 * @param side    debit or credit
 * @param amount  positive
 */
public record Posting(Account account, Side side, Amount amount) {

    /** Debit raises cash and lowers every claim on it; credit the reverse. */
    public enum Side { DEBIT, CREDIT }

    public Posting {
        if (account == null || side == null || amount == null) {
            throw new IllegalArgumentException("a posting needs an account, a side and an amount");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a posting moves a positive amount, was " + amount);
        }
    }

    public static Posting debit(Account account, Amount amount) {
        return new Posting(account, Side.DEBIT, amount);
    }

    public static Posting credit(Account account, Amount amount) {
        return new Posting(account, Side.CREDIT, amount);
    }

    /** The change in the account's balance: credits raise claims, debits raise cash. */
    public long balanceChange() {
        boolean raises = (account.kind() == Account.Kind.CASH) == (side == Side.DEBIT);
        return raises ? amount.units() : -amount.units();
    }
}
