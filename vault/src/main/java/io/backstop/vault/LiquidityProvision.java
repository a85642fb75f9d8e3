package io.backstop.vault;

import io.backstop.vault.VaultEngine.CancellationResult;
import io.backstop.vault.VaultEngine.DepositResult;
import io.backstop.vault.VaultEngine.QueueResult;
import io.backstop.vault.VaultEngine.ServedWithdrawal;
import io.backstop.vault.VaultEngine.WithdrawalResult;
import io.backstop.vault.VaultEngine.WithdrawalStatus;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.QueuedWithdrawal;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LP flows: deposits mint shares at NAV, withdrawals burn them for value from free liquidity and queue the rest,
 * and the queue is served first in, first out.
 */
final class LiquidityProvision {

    private LiquidityProvision() {
    }

    /** See {@link VaultEngine#deposit}. */
    static Outcome<DepositResult> deposit(VaultState vault, LpAccount account, Amount amount,
            Valuation valuation, Instant now) {
        if (!amount.isPositive()) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, "deposit must be positive, was " + amount);
        }
        Amount nav = valuation.nav(vault, Rounding.DOWN);
        if (nav.isNegative() || (nav.isZero() && !vault.totalShares().isZero())) {
            return Outcome.rejected(RejectionCode.VAULT_INSOLVENT, "NAV is " + nav
                    + ": the options sold are worth more than LP capital, deposits are closed");
        }
        SharePrice price = new SharePrice(nav, vault.totalShares());
        Shares minted = price.sharesFor(amount);
        if (minted.isZero()) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, "deposit " + amount
                    + " is worth less than the smallest share unit at " + price.perShare() + " per share");
        }
        JournalEntry entry = JournalEntry.transfer(vault.id(), now, "deposit", Account.CASH, Account.LP_FREE,
                amount);
        VaultState after = vault.with(vault.balances().apply(entry), vault.totalShares().plus(minted),
                vault.withdrawalQueue());
        List<VaultEvent> events = new ArrayList<>(2);
        events.add(new VaultEvent.DepositMade(vault.id(), now, account.owner(), amount, minted));
        List<JournalEntry> journal = new ArrayList<>(2);
        journal.add(entry);
        // Free liquidity is the queue's first: LPs waiting to withdraw are paid from a deposit at once, in the same
        // command, rather than at the next expiry, which may be months away while they stay exposed.
        Outcome<QueueResult> queue = serveQueue(after, valuation, now);
        events.addAll(queue.events());
        journal.addAll(queue.journal());
        after = queue.result().vault();
        return new Outcome.Accepted<>(new DepositResult(after, account.withShares(account.shares().plus(minted)),
                minted, price, queue.result().served()), events, journal);
    }

    /** See {@link VaultEngine#withdraw}. */
    static Outcome<WithdrawalResult> withdraw(VaultState vault, LpAccount account, Shares shares,
            Valuation valuation, Instant now) {
        if (shares.isZero()) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, "shares to withdraw must be positive");
        }
        if (shares.compareTo(account.shares()) > 0) {
            return Outcome.rejected(RejectionCode.INSUFFICIENT_SHARES, "withdrawal of " + shares
                    + " shares exceeds the " + account.shares() + " held");
        }
        List<VaultEvent> events = new ArrayList<>(3);
        List<JournalEntry> journal = new ArrayList<>(1);
        // First in, first out: while anyone waits in the queue, free liquidity is theirs, and a newcomer queues
        // behind them instead of being paid ahead.
        Redemption r = vault.withdrawalQueue().isEmpty()
                ? redeem(vault, account.owner(), shares, valuation, now, events, journal)
                : new Redemption(vault, Shares.ZERO, Amount.ZERO);
        Shares queued = shares.minus(r.burned);
        List<QueuedWithdrawal> queue = vault.withdrawalQueue();
        if (!queued.isZero()) {
            queue = new ArrayList<>(queue);
            queue.add(new QueuedWithdrawal(account.owner(), queued, now));
            events.add(new VaultEvent.WithdrawalQueued(vault.id(), now, account.owner(), queued));
        }
        VaultState after = r.vault.with(r.vault.balances(), r.vault.totalShares(), queue);
        after = RiskLadder.reassess(after, now, events);
        WithdrawalStatus status = queued.isZero() ? WithdrawalStatus.PAID
                : r.burned.isZero() ? WithdrawalStatus.QUEUED : WithdrawalStatus.PARTIAL;
        return new Outcome.Accepted<>(new WithdrawalResult(after, account.withShares(account.shares().minus(shares)),
                status, r.paid, r.burned, queued), events, journal);
    }

    /** See {@link VaultEngine#cancelQueuedWithdrawals}. */
    static Outcome<CancellationResult> cancelQueued(VaultState vault, LpAccount account, Instant now) {
        List<QueuedWithdrawal> kept = new ArrayList<>(vault.withdrawalQueue().size());
        Shares cancelled = Shares.ZERO;
        for (QueuedWithdrawal q : vault.withdrawalQueue()) {
            if (q.owner().equals(account.owner())) {
                cancelled = cancelled.plus(q.shares());
            } else {
                kept.add(q);
            }
        }
        if (cancelled.isZero()) {
            return Outcome.rejected(RejectionCode.NOTHING_QUEUED, account.owner() + " has no withdrawal queued in "
                    + vault.id());
        }
        // Queued shares were taken from the account when queued but never burned: they count in the supply still.
        VaultState after = vault.with(vault.balances(), vault.totalShares(), kept);
        return new Outcome.Accepted<>(new CancellationResult(after, account.withShares(account.shares()
                .plus(cancelled)), cancelled), List.of(new VaultEvent.WithdrawalCancelled(vault.id(), now,
                        account.owner(), cancelled)), List.of());
    }

    private record Redemption(VaultState vault, Shares burned, Amount paid) {
    }

    /** Redeems as many of the shares as free liquidity pays for; the caller decides what happens to the rest. */
    private static Redemption redeem(VaultState vault, String owner, Shares shares, Valuation valuation,
            Instant now, List<VaultEvent> events, List<JournalEntry> journal) {
        SharePrice price = new SharePrice(valuation.nav(vault, Rounding.UP), vault.totalShares());
        double exitFeeRate = vault.parameters().exitFeeRate();
        Amount free = vault.balances().lpFree();
        Shares burned = shares;
        Amount gross = price.valueOf(shares);
        Amount fee = gross.times(exitFeeRate, Rounding.UP);
        Amount net = gross.minus(fee);
        while (net.compareTo(free) > 0) {
            // Scale the burn down to what free liquidity covers; the exit fee rounds up, so the scaled net can
            // still be a unit over, and the burn shrinks strictly each round.
            long scaled = Amount.mulDiv(burned.units(), free.units(), net.units(), Rounding.DOWN);
            burned = Shares.ofUnits(scaled < burned.units() ? scaled : burned.units() - 1);
            gross = price.valueOf(burned);
            fee = gross.times(exitFeeRate, Rounding.UP);
            net = gross.minus(fee);
        }
        if (burned.isZero()) {
            return new Redemption(vault, Shares.ZERO, Amount.ZERO);
        }
        Balances balances = vault.balances();
        if (net.isPositive()) {
            JournalEntry entry = JournalEntry.transfer(vault.id(), now, "withdrawal", Account.LP_FREE,
                    Account.CASH, net);
            journal.add(entry);
            balances = balances.apply(entry);
        }
        events.add(new VaultEvent.WithdrawalPaid(vault.id(), now, owner, burned, net, fee));
        return new Redemption(vault.with(balances, vault.totalShares().minus(burned), vault.withdrawalQueue()),
                burned, net);
    }

    /**
     * Serves the withdrawal queue first in, first out from free liquidity, at the NAV of now; settlement calls it
     * once released collateral has returned to LP capital.
     */
    static Outcome<QueueResult> serveQueue(VaultState vault, Valuation valuation, Instant now) {
        if (vault.withdrawalQueue().isEmpty()) {
            // Nothing waits, which is how every settlement without a run on the vault finds it.
            List<VaultEvent> events = new ArrayList<>(1);
            return new Outcome.Accepted<>(new QueueResult(RiskLadder.reassess(vault, now, events), List.of()), events,
                    List.of());
        }
        List<VaultEvent> events = new ArrayList<>();
        List<JournalEntry> journal = new ArrayList<>();
        List<ServedWithdrawal> served = new ArrayList<>();
        VaultState state = vault;
        List<QueuedWithdrawal> queue = new ArrayList<>(vault.withdrawalQueue());
        while (!queue.isEmpty() && state.balances().lpFree().isPositive()) {
            QueuedWithdrawal head = queue.get(0);
            Redemption r = redeem(state, head.owner(), head.shares(), valuation, now, events, journal);
            if (r.burned.isZero()) {
                break;
            }
            served.add(new ServedWithdrawal(head.owner(), r.burned, r.paid));
            state = r.vault;
            Shares left = head.shares().minus(r.burned);
            if (left.isZero()) {
                queue.remove(0);
            } else {
                queue.set(0, new QueuedWithdrawal(head.owner(), left, head.queuedAt()));
                break;
            }
        }
        state = state.with(state.balances(), state.totalShares(), queue);
        state = RiskLadder.reassess(state, now, events);
        return new Outcome.Accepted<>(new QueueResult(state, served), events, journal);
    }
}
