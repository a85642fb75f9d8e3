package io.backstop.vault.ledger;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A balanced movement of money: the debits equal the credits to the unit. Built only through {@link Builder},
 * which drops zero lines and refuses to build an unbalanced entry.
 *
 * @param vault    the vault whose books move
 * @param at       when
 * @param memo     why, in a word or two ("deposit", "premium", "settlement")
 * @param postings at least two lines
 */
public record JournalEntry(String vault, Instant at, String memo, List<Posting> postings) {

    public JournalEntry {
        postings = List.copyOf(postings);
        long debits = 0;
        long credits = 0;
        for (int i = 0; i < postings.size(); i++) {
            Posting p = postings.get(i);
            if (p.side() == Posting.Side.DEBIT) {
                debits = Math.addExact(debits, p.amount().units());
            } else {
                credits = Math.addExact(credits, p.amount().units());
            }
        }
        if (debits != credits || debits == 0) {
            throw new IllegalStateException("unbalanced journal entry " + memo + ": debits " + debits
                    + " credits " + credits);
        }
    }

    /** The total moved (debits = credits). */
    public Amount total() {
        long sum = 0;
        for (Posting p : postings) {
            if (p.side() == Posting.Side.DEBIT) {
                sum += p.amount().units();
            }
        }
        return Amount.ofUnits(sum);
    }

    /**
     * A two-line entry: a positive amount debited to one account and credited to another. The same entry a builder
     * gives for those two lines, without the builder: a trade's collateral lock and every payout are one.
     */
    public static JournalEntry transfer(String vault, Instant at, String memo, Account debit, Account credit,
            Amount amount) {
        return new JournalEntry(vault, at, memo, List.of(Posting.debit(debit, amount), Posting.credit(credit, amount)));
    }

    /** Starts an entry. */
    public static Builder builder(String vault, Instant at, String memo) {
        return new Builder(vault, at, memo);
    }

    /** Collects lines, skipping zero amounts. */
    public static final class Builder {
        private final String vault;
        private final Instant at;
        private final String memo;
        // An array, made into an immutable list at the end: no ArrayList, and the record keeps that list as it is.
        private Posting[] postings = new Posting[4];
        private int size;

        private Builder(String vault, Instant at, String memo) {
            this.vault = vault;
            this.at = at;
            this.memo = memo;
        }

        public Builder debit(Account account, Amount amount) {
            check(amount);
            if (amount.isPositive()) {
                add(Posting.debit(account, amount));
            }
            return this;
        }

        public Builder credit(Account account, Amount amount) {
            check(amount);
            if (amount.isPositive()) {
                add(Posting.credit(account, amount));
            }
            return this;
        }

        private void add(Posting posting) {
            if (size == postings.length) {
                postings = Arrays.copyOf(postings, 2 * size);
            }
            postings[size++] = posting;
        }

        private static void check(Amount amount) {
            if (amount.isNegative()) {
                throw new IllegalStateException("negative posting " + amount);
            }
        }

        /** True when every line was zero: there is nothing to record. */
        public boolean isEmpty() {
            return size == 0;
        }

        public JournalEntry build() {
            // List.of holds one or two lines in fields; up to four (a premium's entry) its fixed-arity forms build
            // the one array they keep, where the array form would copy the builder's; more it copies itself, so a
            // full array goes in as it is and only a partly filled one is trimmed first.
            List<Posting> lines = switch (size) {
                case 1 -> List.of(postings[0]);
                case 2 -> List.of(postings[0], postings[1]);
                case 3 -> List.of(postings[0], postings[1], postings[2]);
                case 4 -> List.of(postings[0], postings[1], postings[2], postings[3]);
                default -> List.of(size == postings.length ? postings : Arrays.copyOf(postings, size));
            };
            return new JournalEntry(vault, at, memo, lines);
        }
    }
}
