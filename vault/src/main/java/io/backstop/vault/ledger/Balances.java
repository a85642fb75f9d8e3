package io.backstop.vault.ledger;

import java.util.List;

/**
 * A vault's account balances as the fold of its journal. Locked collateral is kept here as the total over all
 * series; each series also folds its own locked account (see {@code SeriesBook}).
 *
 * @param cash          what the pool holds
 * @param lpFree        LP capital not locked
 * @param locked        collateral locked over all series
 * @param buffer        the insurance buffer
 * @param treasury      protocol fees
 * @param traderPayouts settled payouts not yet paid out
 * @param dust          rounding remainders kept by the pool
 */
public record Balances(Amount cash, Amount lpFree, Amount locked, Amount buffer, Amount treasury,
        Amount traderPayouts, Amount dust) {

    /** An empty vault. */
    public static final Balances EMPTY = new Balances(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO,
            Amount.ZERO, Amount.ZERO, Amount.ZERO);

    /** The balances after applying the entries in order. */
    public Balances apply(List<JournalEntry> entries) {
        // Folded in minor units and built once: a trade books two entries, and a Balances with new amounts for
        // each would be thrown away at once.
        long c = cash.units(), f = lpFree.units(), l = locked.units(), bu = buffer.units(), t = treasury.units(),
                p = traderPayouts.units(), d = dust.units();
        for (int e = 0; e < entries.size(); e++) {
            List<Posting> postings = entries.get(e).postings();
            for (int i = 0; i < postings.size(); i++) {
                Posting posting = postings.get(i);
                long change = posting.balanceChange();
                switch (posting.account().kind()) {
                    case CASH -> c = Math.addExact(c, change);
                    case LP_FREE -> f = Math.addExact(f, change);
                    case LOCKED -> l = Math.addExact(l, change);
                    case BUFFER -> bu = Math.addExact(bu, change);
                    case TREASURY -> t = Math.addExact(t, change);
                    case TRADER_PAYOUTS -> p = Math.addExact(p, change);
                    case DUST -> d = Math.addExact(d, change);
                    default -> throw new IllegalStateException("unknown account " + posting.account());
                }
            }
        }
        return new Balances(same(cash, c), same(lpFree, f), same(locked, l), same(buffer, bu), same(treasury, t),
                same(traderPayouts, p), same(dust, d));
    }

    /** The balances after one entry. */
    public Balances apply(JournalEntry entry) {
        return apply(List.of(entry));
    }

    private static Amount same(Amount before, long units) {
        return before.units() == units ? before : Amount.ofUnits(units);
    }

    /** The sum of every claim on the cash; equal to {@link #cash()} in a consistent ledger. */
    public Amount claims() {
        return lpFree.plus(locked).plus(buffer).plus(treasury).plus(traderPayouts).plus(dust);
    }

    /** Whether cash equals the claims on it to the unit and nothing is negative. */
    public boolean isConsistent() {
        return cash.equals(claims()) && !cash.isNegative() && !lpFree.isNegative() && !locked.isNegative()
                && !buffer.isNegative() && !treasury.isNegative() && !traderPayouts.isNegative()
                && !dust.isNegative();
    }

    /** LP capital: free plus locked. */
    public Amount lpCapital() {
        return lpFree.plus(locked);
    }
}
