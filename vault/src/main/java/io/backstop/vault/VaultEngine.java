package io.backstop.vault;

import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.buffer.InsuranceBuffer;
import io.backstop.vault.collateral.CollateralPolicy;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.PremiumSchedule;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.QuoteBreakdown;
import io.backstop.vault.quote.SalePolicy;
import io.backstop.vault.risk.Coverage;
import io.backstop.vault.risk.RiskLevel;
import io.backstop.vault.risk.StressExposure;
import io.backstop.vault.risk.StressScenarios;
import io.backstop.vault.settlement.SettlementReport;
import io.backstop.vault.settlement.SettlementWaterfall;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.QueuedWithdrawal;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The vault engine: each method takes the aggregates a command touches, the command's arguments, the market and
 * the clock instant, and returns an {@link Outcome}: the new aggregates with their events and balanced journal
 * entries, or a typed rejection with nothing changed. No I/O, no wall clock, no randomness; the service and the
 * simulator both call it.
 *
 * <p>After every command that moves money the risk ladder is re-read from the vault's stress exposure, so a band
 * change is an event of the command that caused it.
 */
public final class VaultEngine {

    private VaultEngine() {
    }

    // ------------------------------------------------------------------ LPs

    /**
     * The result of a deposit.
     *
     * @param vault   the vault after
     * @param account the LP's account after
     * @param shares  shares minted
     * @param price   the share price used
     */
    public record DepositResult(VaultState vault, LpAccount account, Shares shares, SharePrice price) {
    }

    /** An LP deposits an amount and receives shares at NAV (liability rounded down: fewer shares minted). */
    public static Outcome<DepositResult> deposit(VaultState vault, LpAccount account, Amount amount,
            Valuation valuation, Instant now) {
        return inRange(() -> depositExactly(vault, account, amount, valuation, now),
                () -> "deposit " + amount + " is out of range: the vault's shares or balances would overflow");
    }

    private static Outcome<DepositResult> depositExactly(VaultState vault, LpAccount account, Amount amount,
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
        JournalEntry entry = JournalEntry.builder(vault.id(), now, "deposit").debit(Account.CASH, amount)
                .credit(Account.LP_FREE, amount).build();
        VaultState after = vault.with(vault.balances().apply(entry), vault.totalShares().plus(minted),
                vault.withdrawalQueue());
        List<VaultEvent> events = new ArrayList<>(2);
        events.add(new VaultEvent.DepositMade(vault.id(), now, account.owner(), amount, minted));
        after = reassessLadder(after, now, events);
        return new Outcome.Accepted<>(new DepositResult(after, account.withShares(account.shares().plus(minted)),
                minted, price), events, List.of(entry));
    }

    /** How a withdrawal request ended. */
    public enum WithdrawalStatus { PAID, PARTIAL, QUEUED }

    /**
     * The result of a withdrawal request.
     *
     * @param vault        the vault after
     * @param account      the LP's account after (queued shares leave it)
     * @param status       PAID, PARTIAL or QUEUED
     * @param amount       paid now, after the exit fee
     * @param burned       shares redeemed now
     * @param queuedShares shares put in the queue
     */
    public record WithdrawalResult(VaultState vault, LpAccount account, WithdrawalStatus status, Amount amount,
            Shares burned, Shares queuedShares) {
    }

    /**
     * An LP redeems shares for their value at NAV (liability rounded up, value rounded down), less the exit fee,
     * paid from free liquidity; what free liquidity cannot pay is queued.
     */
    public static Outcome<WithdrawalResult> withdraw(VaultState vault, LpAccount account, Shares shares,
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
        Redemption r = redeem(vault, account.owner(), shares, valuation, now, events, journal);
        Shares queued = shares.minus(r.burned);
        List<QueuedWithdrawal> queue = vault.withdrawalQueue();
        if (!queued.isZero()) {
            queue = new ArrayList<>(queue);
            queue.add(new QueuedWithdrawal(account.owner(), queued, now));
            events.add(new VaultEvent.WithdrawalQueued(vault.id(), now, account.owner(), queued));
        }
        VaultState after = r.vault.with(r.vault.balances(), r.vault.totalShares(), queue);
        after = reassessLadder(after, now, events);
        WithdrawalStatus status = queued.isZero() ? WithdrawalStatus.PAID
                : r.burned.isZero() ? WithdrawalStatus.QUEUED : WithdrawalStatus.PARTIAL;
        return new Outcome.Accepted<>(new WithdrawalResult(after, account.withShares(account.shares().minus(shares)),
                status, r.paid, r.burned, queued), events, journal);
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
            JournalEntry entry = JournalEntry.builder(vault.id(), now, "withdrawal").debit(Account.LP_FREE, net)
                    .credit(Account.CASH, net).build();
            journal.add(entry);
            balances = balances.apply(entry);
        }
        events.add(new VaultEvent.WithdrawalPaid(vault.id(), now, owner, burned, net, fee));
        return new Redemption(vault.with(balances, vault.totalShares().minus(burned), vault.withdrawalQueue()),
                burned, net);
    }

    /**
     * A withdrawal served from the queue.
     *
     * @param owner  the LP
     * @param shares shares redeemed
     * @param amount paid
     */
    public record ServedWithdrawal(String owner, Shares shares, Amount amount) {
    }

    /**
     * The result of serving the queue.
     *
     * @param vault  the vault after
     * @param served what was paid, in queue order
     */
    public record QueueResult(VaultState vault, List<ServedWithdrawal> served) {
    }

    /** Serves the withdrawal queue first in, first out from free liquidity, at the NAV of now. */
    public static Outcome<QueueResult> serveQueue(VaultState vault, Valuation valuation, Instant now) {
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
        state = reassessLadder(state, now, events);
        return new Outcome.Accepted<>(new QueueResult(state, served), events, journal);
    }

    // ------------------------------------------------------------------ traders

    /**
     * The result of a quote request.
     *
     * @param vault the vault after (its id sequence advanced)
     * @param quote the quote
     */
    public record QuoteResult(VaultState vault, Quote quote) {
    }

    /** Prices a quantity of a series for sale, if the sale would pass every policy now. */
    public static Outcome<QuoteResult> quote(VaultState vault, OptionSeries series, Quantity quantity,
            MarketSnapshot market, Instant now) {
        return inRange(() -> quoteExactly(vault, series, quantity, market, now),
                () -> "quantity " + quantity + " is out of range: its premium or collateral would overflow");
    }

    private static Outcome<QuoteResult> quoteExactly(VaultState vault, OptionSeries series, Quantity quantity,
            MarketSnapshot market, Instant now) {
        Optional<Rejection> wrongVault = checkSeriesBelongs(vault, series);
        if (wrongVault.isPresent()) {
            return Outcome.rejected(wrongVault.get());
        }
        if (!quantity.isPositive()) {
            return Outcome.rejected(RejectionCode.INVALID_QUANTITY, "quantity must be positive, was " + quantity);
        }
        Amount collateral = CollateralPolicy.required(series, quantity, market.spot(), vault.parameters());
        double utilizationAfter = PremiumSchedule.postTradeUtilization(vault.balances(), collateral);
        QuoteBreakdown breakdown = PremiumSchedule.price(series, quantity, market, vault.parameters(),
                vault.riskLevel(), utilizationAfter, now);
        Optional<Rejection> rejection = SalePolicy.firstRejection(new SalePolicy.Sale(vault, series, quantity,
                market.spot(), collateral, breakdown.lpIncome(), now));
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        long sequence = vault.sequence() + 1;
        Quote quote = new Quote(vault.id() + "-q" + sequence, vault.id(), series, quantity, breakdown, collateral, now,
                now.plus(vault.parameters().quoteValidity()));
        return new Outcome.Accepted<>(new QuoteResult(vault.withSequence(sequence), quote),
                List.of(new VaultEvent.QuoteIssued(vault.id(), now, quote.id(), series.id(), quantity,
                        quote.premium(), quote.validUntil())), List.of());
    }

    /**
     * The result of a trade.
     *
     * @param vault    the vault after
     * @param series   the series' book after (opened on first trade)
     * @param position the buyer's new position
     */
    public record TradeResult(VaultState vault, SeriesBook series, Position position) {
    }

    /**
     * Takes a quote: the trader pays the premium (LP income to LP free capital, the buffer's share to the buffer,
     * the rest of the fees to the treasury) and the pool locks the collateral. Every sale policy is checked again.
     *
     * @param book the series' book, or null if the series has never traded
     */
    public static Outcome<TradeResult> buy(VaultState vault, SeriesBook book, Quote quote, Amount maxPremium,
            String buyer, MarketSnapshot market, Instant now) {
        if (!quote.vault().equals(vault.id())) {
            return Outcome.rejected(RejectionCode.STALE_QUOTE, "quote " + quote.id() + " is for vault "
                    + quote.vault());
        }
        if (now.isAfter(quote.validUntil())) {
            return Outcome.rejected(RejectionCode.STALE_QUOTE, "quote " + quote.id() + " expired at "
                    + quote.validUntil());
        }
        if (maxPremium != null && quote.premium().compareTo(maxPremium) > 0) {
            return Outcome.rejected(RejectionCode.MAX_PREMIUM_EXCEEDED, "premium " + quote.premium()
                    + " exceeds maxPremium " + maxPremium);
        }
        if (book != null && book.isSettled()) {
            return Outcome.rejected(RejectionCode.ALREADY_SETTLED, "series " + book.id() + " has settled");
        }
        QuoteBreakdown b = quote.breakdown();
        Optional<Rejection> rejection = SalePolicy.firstRejection(new SalePolicy.Sale(vault, quote.series(),
                quote.quantity(), b.spot(), quote.collateral(), b.lpIncome(), now));
        if (rejection.isPresent()) {
            return Outcome.rejected(rejection.get());
        }
        String seriesId = quote.series().id();
        SeriesBook before = book != null ? book : SeriesBook.open(vault.id(), quote.series(),
                StressScenarios.valuesPerContract(quote.series(), market, vault.parameters(), now));
        JournalEntry premium = JournalEntry.builder(vault.id(), now, "premium")
                .debit(Account.CASH, quote.premium())
                .credit(Account.LP_FREE, b.lpIncome())
                .credit(Account.BUFFER, b.bufferContribution())
                .credit(Account.TREASURY, b.treasury()).build();
        JournalEntry lock = JournalEntry.builder(vault.id(), now, "lock collateral")
                .debit(Account.LP_FREE, quote.collateral())
                .credit(Account.locked(seriesId), quote.collateral()).build();
        long sequence = vault.sequence() + 1;
        String tradeId = vault.id() + "-t" + sequence;
        VaultState after = new VaultState(vault.id(), vault.underlying(), vault.quoteCurrency(), vault.parameters(),
                vault.balances().apply(premium).apply(lock), vault.totalShares(), vault.riskLevel(),
                vault.exposure().plus(before.stressValues(), quote.quantity().toDouble()),
                vault.simulatedStressLoss(), sequence, vault.withdrawalQueue());
        List<VaultEvent> events = new ArrayList<>(3);
        events.add(new VaultEvent.OptionSold(vault.id(), now, tradeId, buyer, seriesId, quote.quantity(),
                quote.premium(), quote.collateral()));
        if (b.bufferContribution().isPositive()) {
            events.add(new VaultEvent.BufferFunded(vault.id(), now, b.bufferContribution(), InsuranceBuffer.FEES));
        }
        after = reassessLadder(after, now, events);
        Position position = new Position(tradeId, vault.id(), buyer, seriesId, quote.quantity(), quote.premium(),
                null, false);
        return new Outcome.Accepted<>(new TradeResult(after, before.sold(quote.quantity(), quote.collateral()),
                position), events, List.of(premium, lock));
    }

    private static Optional<Rejection> checkSeriesBelongs(VaultState vault, OptionSeries series) {
        if (!series.underlying().equals(vault.underlying()) || !series.quoteCurrency().equals(vault.quoteCurrency())) {
            return Optional.of(new Rejection(RejectionCode.NOT_LISTED, "vault " + vault.id() + " lists "
                    + vault.underlying() + "/" + vault.quoteCurrency() + " options, not " + series.underlying() + "/"
                    + series.quoteCurrency()));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ settlement

    /**
     * The result of settling a series.
     *
     * @param vault     the vault after (queue served)
     * @param series    the series' book after
     * @param positions the positions with their payouts, in the order given
     * @param report    the waterfall's report
     * @param served    withdrawals served from the queue with the released collateral
     */
    public record SettlementResult(VaultState vault, SeriesBook series, List<Position> positions,
            SettlementReport report, List<ServedWithdrawal> served) {
    }

    /**
     * Settles a series at its settlement price, exactly once, through the waterfall; then serves the withdrawal
     * queue from the released collateral.
     *
     * @param positions every position of the series (their quantities must add up to its open interest)
     * @param others    the valuation of the vault's other unsettled series, for the NAV of queued withdrawals
     */
    public static Outcome<SettlementResult> settle(VaultState vault, SeriesBook book, List<Position> positions,
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
        Quantity total = Quantity.ZERO;
        for (Position p : positions) {
            if (!p.series().equals(book.id()) || p.isSettled()) {
                return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "position " + p.id()
                        + " is not an open position of " + book.id());
            }
            total = total.plus(p.quantity());
        }
        if (!total.equals(book.openInterest())) {
            return Outcome.rejected(RejectionCode.INVALID_SETTLEMENT, "positions hold " + total
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
        VaultState after = new VaultState(vault.id(), vault.underlying(), vault.quoteCurrency(), vault.parameters(),
                balances, vault.totalShares(), vault.riskLevel(),
                vault.exposure().plus(book.stressValues(), -book.openInterest().toDouble()),
                vault.simulatedStressLoss(), vault.sequence(), vault.withdrawalQueue());
        Outcome<QueueResult> queue = serveQueue(after, others, now);
        events.addAll(queue.events());
        journal.addAll(queue.journal());
        after = reassessLadder(queue.result().vault(), now, events);
        return new Outcome.Accepted<>(new SettlementResult(after, book.settled(settlementPrice), settled, report,
                queue.result().served()), events, journal);
    }

    /**
     * The result of paying a settled position out.
     *
     * @param vault    the vault after
     * @param position the position, marked paid
     */
    public record PayoutResult(VaultState vault, Position position) {
    }

    /** Pays a settled position's payout out of the pool (trader payouts → cash). */
    public static Outcome<PayoutResult> payOut(VaultState vault, Position position, Instant now) {
        if (!position.isSettled() || position.paidOut()) {
            return Outcome.rejected(RejectionCode.NOTHING_TO_PAY, "position " + position.id()
                    + (position.paidOut() ? " has been paid" : " has not settled"));
        }
        List<JournalEntry> journal = new ArrayList<>(1);
        Balances balances = vault.balances();
        if (position.payout().isPositive()) {
            JournalEntry e = JournalEntry.builder(vault.id(), now, "payout " + position.id())
                    .debit(Account.TRADER_PAYOUTS, position.payout()).credit(Account.CASH, position.payout()).build();
            journal.add(e);
            balances = balances.apply(e);
        }
        return new Outcome.Accepted<>(new PayoutResult(vault.withBalances(balances), position.paid()),
                List.of(new VaultEvent.PayoutPaid(vault.id(), now, position.id(), position.owner(), position.payout())),
                journal);
    }

    // ------------------------------------------------------------------ protocol team

    /** The protocol team adds new money to the insurance buffer. */
    public static Outcome<VaultState> topUpBuffer(VaultState vault, Amount amount, String actor, Instant now) {
        return inRange(() -> topUpBufferExactly(vault, amount, actor, now),
                () -> "top-up " + amount + " is out of range: the balances would overflow");
    }

    private static Outcome<VaultState> topUpBufferExactly(VaultState vault, Amount amount, String actor, Instant now) {
        if (!amount.isPositive()) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, "top-up must be positive, was " + amount);
        }
        JournalEntry entry = InsuranceBuffer.topUp(vault.id(), amount, now);
        List<VaultEvent> events = new ArrayList<>(2);
        events.add(new VaultEvent.BufferFunded(vault.id(), now, amount, InsuranceBuffer.TOP_UP + " by " + actor));
        VaultState after = reassessLadder(vault.withBalances(vault.balances().apply(entry)), now, events);
        return new Outcome.Accepted<>(after, events, List.of(entry));
    }

    /**
     * Governance: a new parameter version from changes (key → text) and optionally a new surface, each within
     * its hard bounds; it applies to later commands only.
     */
    public static Outcome<VaultState> changeParameters(VaultState vault, String actor, String reason,
            Map<String, String> changes, VolatilitySurface surface, Instant now) {
        if (actor == null || actor.isBlank() || reason == null || reason.isBlank()) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, "a parameter change needs an actor and a reason");
        }
        if (changes.isEmpty() && surface == null) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, "the change changes nothing");
        }
        try {
            var next = vault.parameters().with(changes, surface);
            Map<String, String> recorded = new HashMap<>(changes);
            if (surface != null) {
                recorded.put("surface", "replaced");
            }
            List<VaultEvent> events = new ArrayList<>(2);
            events.add(new VaultEvent.ParametersChanged(vault.id(), now, actor, reason, next.version(),
                    Map.copyOf(recorded)));
            VaultState after = reassessLadder(vault.withParameters(next), now, events);
            return new Outcome.Accepted<>(after, events, List.of());
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(RejectionCode.PARAMETER_OUT_OF_BOUNDS, e.getMessage());
        }
    }

    /**
     * The result of a risk reassessment.
     *
     * @param vault  the vault after
     * @param series the live series with fresh stress values, in the order given
     */
    public record RiskResult(VaultState vault, List<SeriesBook> series) {
    }

    /**
     * Re-prices every live series on the stress grid at the current market and clock, rebuilds the exposure from
     * scratch and moves the ladder. {@code simulatedStressLoss} is the simulator's loss beyond LP capital, or null to
     * keep the last one.
     */
    public static Outcome<RiskResult> reassessRisk(VaultState vault, List<SeriesBook> live, MarketSnapshot market,
            Amount simulatedStressLoss, Instant now) {
        StressExposure exposure = StressExposure.NONE;
        List<SeriesBook> refreshed = new ArrayList<>(live.size());
        for (SeriesBook book : live) {
            if (book.isSettled()) {
                refreshed.add(book);
                continue;
            }
            double[] values = StressScenarios.valuesPerContract(book.series(), market, vault.parameters(), now);
            exposure = exposure.plus(values, book.openInterest().toDouble());
            refreshed.add(book.withStressValues(values));
        }
        VaultState after = vault.withRisk(vault.riskLevel(), exposure,
                simulatedStressLoss != null ? simulatedStressLoss : vault.simulatedStressLoss());
        List<VaultEvent> events = new ArrayList<>(1);
        after = reassessLadder(after, now, events);
        return new Outcome.Accepted<>(new RiskResult(after, refreshed), events, List.of());
    }

    /**
     * Runs a command whose user-given amount could push shares or balances past the range of a long: the exact
     * arithmetic throws, and that becomes a typed {@code invalid-amount} rejection with nothing changed.
     */
    private static <T> Outcome<T> inRange(Supplier<Outcome<T>> command, Supplier<String> detail) {
        try {
            return command.get();
        } catch (ArithmeticException e) {
            return Outcome.rejected(RejectionCode.INVALID_AMOUNT, detail.get());
        }
    }

    /** Moves the ladder to the band of the vault's current coverage, recording a change as an event. */
    private static VaultState reassessLadder(VaultState vault, Instant now, List<VaultEvent> events) {
        Coverage coverage = vault.coverage();
        RiskLevel level = RiskLevel.forCoverage(coverage.ratio(), vault.parameters());
        if (level == vault.riskLevel()) {
            return vault;
        }
        events.add(new VaultEvent.RiskLevelChanged(vault.id(), now, vault.riskLevel(), level, coverage.ratio(),
                coverage.stressLoss()));
        return vault.withRisk(level, vault.exposure(), vault.simulatedStressLoss());
    }
}
