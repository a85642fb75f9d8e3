package io.backstop.vault;

import io.backstop.vault.VaultEngine.QueueResult;
import io.backstop.vault.VaultEngine.SettlementResult;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.oracle.PriceRange;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.Position;
import io.backstop.vault.settlement.SettlementReport;
import io.backstop.vault.settlement.SettlementWaterfall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Expiry settlement through the waterfall, exactly once per series, and paying settled payouts out of the pool. */
final class ExpirySettlement {

    private ExpirySettlement() {
    }

    /**
     * The waterfall's step of {@link VaultEngine#settleAndPayOut}: the series settles and each holder's payout is
     * owed (in trader payouts) until {@link #payOut} pays it.
     */
    static Outcome<SettlementResult> settle(VaultState vault, SeriesBook book, List<Position> positions,
            Amount settlementPrice, Valuation others, Instant now) {
        if (book.isSettled()) {
            return Outcome.rejected(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " settled at "
                    + book.settlementPrice());
        }
        if (now.isBefore(book.series().expiry())) {
            return Outcome.rejected(RejectionCode.NOT_EXPIRED, "series " + book.id() + " expires at "
                    + book.series().expiry());
        }
        if (!settlementPrice.isPositive()) {
            return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "settlement price must be positive, was "
                    + settlementPrice);
        }
        long total = 0; // the holders' contracts, in millionths: they must add up to the series' open interest
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (!p.series().equals(book.id()) || p.isSettled()) {
                return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "position " + p.id()
                        + " is not an open position of " + book.id());
            }
            total = Math.addExact(total, p.quantity().units());
        }
        if (total != book.openInterest().units()) {
            return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "positions hold " + Quantity.ofUnits(total)
                    + " contracts but open interest is " + book.openInterest());
        }
        SettlementReport report = SettlementWaterfall.settle(book.series(), settlementPrice, book.locked(),
                vault.balances(), vault.parameters().lpProtectedFraction(), positions);
        List<JournalEntry> journal = new ArrayList<>();
        JournalEntry.Builder entry = JournalEntry.builder(vault.id(), now, "settlement " + book.id())
                .debit(Account.locked(book.id()), book.locked())
                .debit(Account.LP_FREE, report.fromLpCapital())
                .debit(Account.BUFFER, report.fromBuffer())
                .credit(Account.TRADER_PAYOUTS, report.paid())
                .credit(Account.DUST, report.dust())
                .credit(Account.LP_FREE, report.released());
        Balances balances = vault.balances();
        if (!entry.isEmpty()) {
            JournalEntry e = entry.build();
            journal.add(e);
            balances = balances.apply(e);
        }
        List<VaultEvent> events = new ArrayList<>();
        events.add(new VaultEvent.SeriesSettled(vault.id(), now, book.id(), settlementPrice, report.claims(),
                report.paid(), report.fromLocked(), report.fromLpCapital(), report.fromBuffer(),
                report.socialisedLoss(), report.payoutRatio()));
        if (report.fromBuffer().isPositive()) {
            events.add(new VaultEvent.BufferDrawn(vault.id(), now, book.id(), report.fromBuffer()));
        }
        if (report.socialisedLoss().isPositive()) {
            events.add(new VaultEvent.LossSocialised(vault.id(), now, book.id(), report.socialisedLoss(),
                    report.payoutRatio()));
        }
        List<Position> settled = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            settled.add(positions.get(i).settled(report.payouts().get(i).payout()));
        }
        VaultState after = vault.withBook(balances, vault.exposure().plus(book.stressValues(),
                -book.openInterest().toDouble()), vault.sequence());
        Outcome<QueueResult> queue = LiquidityProvision.serveQueue(after, others, now);
        events.addAll(queue.events());
        journal.addAll(queue.journal());
        after = RiskLadder.reassess(queue.result().vault(), now, events);
        return new Outcome.Accepted<>(new SettlementResult(after, book.settled(settlementPrice), settled, report,
                queue.result().served()), events, journal);
    }

    /** See {@link VaultEngine#forceSettle}. */
    static Outcome<SettlementResult> forceSettle(VaultState vault, SeriesBook book, List<Position> positions,
            Amount price, PriceRange accepted, String actor, String reason, Valuation others, Instant now) {
        if (book.isSettled()) {
            return Outcome.rejected(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " settled at "
                    + book.settlementPrice());
        }
        Instant from = book.series().expiry().plus(vault.parameters().forcedSettlementGrace());
        if (now.isBefore(from)) {
            return Outcome.rejected(RejectionCode.FORCED_SETTLEMENT_TOO_EARLY, "series " + book.id() + " expired at "
                    + book.series().expiry() + "; an operator may set its price from " + from + " (forcedSettlementGrace "
                    + vault.parameters().forcedSettlementGrace() + " after expiry), until then the oracle may still");
        }
        if (accepted == null) {
            return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "the oracle accepted no price before or after "
                    + "the expiry of " + book.id() + " to bound a price set by hand");
        }
        if (!accepted.contains(price)) {
            return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "price " + price + " is outside " + accepted
                    + ", the prices the oracle accepted around the expiry of " + book.id());
        }
        Outcome<SettlementResult> settled = settleAndPayOut(vault, book, positions, price, others, now);
        if (!settled.isAccepted()) {
            return settled;
        }
        List<VaultEvent> events = new ArrayList<>(settled.events().size() + 1);
        events.add(new VaultEvent.SeriesForceSettled(vault.id(), now, book.id(), price, accepted.lowest(),
                accepted.highest(), reason, actor));
        events.addAll(settled.events());
        return new Outcome.Accepted<>(settled.result(), events, settled.journal());
    }

    /** See {@link VaultEngine#settleAndPayOut}. */
    static Outcome<SettlementResult> settleAndPayOut(VaultState vault, SeriesBook book, List<Position> positions,
            Amount settlementPrice, Valuation others, Instant now) {
        Outcome<SettlementResult> settled = settle(vault, book, positions, settlementPrice, others, now);
        if (!settled.isAccepted()) {
            return settled;
        }
        SettlementResult result = settled.result();
        List<VaultEvent> events = new ArrayList<>(settled.events());
        List<Position> holders = new ArrayList<>(result.positions().size());
        // The series' payouts leave the pool in one entry (trader payouts → cash, their sum); each holder's share is
        // in their position and their PayoutPaid event. One entry per holder wrote a series of 100,000 holders as
        // 200,000 postings that said nothing the positions do not.
        long total = 0;
        for (Position position : result.positions()) {
            if (position.payout().isPositive()) {
                total = Math.addExact(total, position.payout().units());
                events.add(payoutEvent(vault.id(), position, now));
                position = position.paid();
            }
            holders.add(position);
        }
        List<JournalEntry> journal = new ArrayList<>(settled.journal().size() + 1);
        journal.addAll(settled.journal());
        VaultState after = result.vault();
        if (total > 0) {
            JournalEntry payouts = JournalEntry.transfer(vault.id(), now, "payouts " + book.id(),
                    Account.TRADER_PAYOUTS, Account.CASH, Amount.ofUnits(total));
            journal.add(payouts);
            after = after.withBalances(after.balances().apply(payouts));
        }
        return new Outcome.Accepted<>(new SettlementResult(after, result.series(), holders, result.report(),
                result.served()), events, journal);
    }

    /**
     * The result of paying a settled position out.
     *
     * @param vault    the vault after
     * @param position the position, marked paid
     */
    record PayoutResult(VaultState vault, Position position) {
    }

    /**
     * The payout step of {@link VaultEngine#settleAndPayOut}: a settled payout leaves the pool (trader payouts →
     * cash).
     */
    static Outcome<PayoutResult> payOut(VaultState vault, Position position, Instant now) {
        if (!position.isSettled() || position.paidOut()) {
            return Outcome.rejected(RejectionCode.NOTHING_TO_PAY, "position " + position.id()
                    + (position.paidOut() ? " has been paid" : " has not settled"));
        }
        List<JournalEntry> journal = new ArrayList<>(1);
        Balances balances = vault.balances();
        if (position.payout().isPositive()) {
            JournalEntry e = payoutEntry(vault.id(), position, now);
            journal.add(e);
            balances = balances.apply(e);
        }
        return new Outcome.Accepted<>(new PayoutResult(vault.withBalances(balances), position.paid()),
                List.of(payoutEvent(vault.id(), position, now)), journal);
    }

    /** A positive payout leaves the pool: trader payouts → cash. */
    private static JournalEntry payoutEntry(String vault, Position position, Instant now) {
        return JournalEntry.transfer(vault, now, "payout " + position.id(), Account.TRADER_PAYOUTS, Account.CASH,
                position.payout());
    }

    private static VaultEvent payoutEvent(String vault, Position position, Instant now) {
        return new VaultEvent.PayoutPaid(vault, now, position.id(), position.owner(), position.payout());
    }
}
