package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.collateral.CollateralPolicy;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Posting;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.oracle.PriceRange;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.SeriesMarks;
import io.backstop.vault.risk.RepricingTrigger;
import io.backstop.vault.risk.RiskReceipt;
import io.backstop.vault.settlement.SettlementReport;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.QueuedWithdrawal;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole vault driven through the engine the way the service drives it: the aggregates each command touches are
 * kept here, every journal entry is kept, and {@link #checkInvariants()} checks the books after every step.
 */
final class VaultWorld {

    static final String VAULT = "eth-usd";
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    VaultState vault;
    Instant now = START;
    MarketSnapshot market = MarketSnapshot.at(2000);
    final Map<String, LpAccount> accounts = new LinkedHashMap<>();
    final Map<String, SeriesBook> books = new LinkedHashMap<>();
    final Map<String, List<Position>> positions = new HashMap<>();
    final Map<String, Amount> expectedLocked = new HashMap<>();
    final List<JournalEntry> journal = new ArrayList<>();
    int depositsThatPaidTheQueue;
    int forcedSettlements;
    /** When and at what spot the book was last repriced on a market move; null until it was. */
    Instant repricedAt;
    Double repricedSpot;
    final List<VaultEvent> events = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    int settlements;
    int soldBack;

    VaultWorld() {
        this(VaultParameters.defaults());
    }

    VaultWorld(VaultParameters parameters) {
        vault = VaultState.open(VAULT, "ETH", "USD", parameters);
    }

    @Override
    public String toString() {
        return "VaultWorld" + log;
    }

    Valuation valuation() {
        return Valuation.of(books.values(), market, vault.parameters(), now);
    }

    <T> Outcome<T> record(Outcome<T> outcome) {
        events.addAll(outcome.events());
        journal.addAll(outcome.journal());
        return outcome;
    }

    Outcome<VaultEngine.DepositResult> deposit(String owner, Amount amount) {
        LpAccount account = accounts.getOrDefault(owner, LpAccount.open(VAULT, owner));
        Outcome<VaultEngine.DepositResult> o = record(VaultEngine.deposit(vault, account, amount, valuation(), now));
        if (o.isAccepted()) {
            VaultEngine.DepositResult r = o.result();
            // Rounding never favours the depositor: the shares are worth at most what was paid.
            assertThat(r.price().valueOf(r.shares())).isLessThanOrEqualTo(amount);
            vault = r.vault();
            accounts.put(owner, r.account());
            if (!r.served().isEmpty()) {
                depositsThatPaidTheQueue++;
            }
            // Free liquidity goes to the queue at once: after a deposit, what is left of it can pay the queue no
            // more than the rounding of one share unit (a partly served head leaves less than that free).
            long oneUnit = new SharePrice(valuation().nav(vault, Rounding.UP), vault.totalShares())
                    .valueOf(Shares.ofUnits(1)).units() + 1;
            assertThat(LiquidityProvision.serveQueue(vault, valuation(), now).result().served())
                    .as("queue left payable after a deposit").allMatch(served -> served.amount().units() <= oneUnit);
        }
        log.add("deposit " + owner + " " + amount + " → " + describe(o));
        return o;
    }

    /** The LP takes back what is still queued: refused if nothing is; else the queue keeps the others in order. */
    Outcome<VaultEngine.CancellationResult> cancelQueued(String owner) {
        LpAccount account = accounts.getOrDefault(owner, LpAccount.open(VAULT, owner));
        List<QueuedWithdrawal> others = vault.withdrawalQueue().stream().filter(q -> !q.owner().equals(owner))
                .toList();
        Shares queued = Shares.ofUnits(vault.withdrawalQueue().stream().filter(q -> q.owner().equals(owner))
                .mapToLong(q -> q.shares().units()).sum());
        VaultState before = vault;
        Outcome<VaultEngine.CancellationResult> o = record(VaultEngine.cancelQueuedWithdrawals(vault, account, now));
        if (o.isAccepted()) {
            VaultEngine.CancellationResult r = o.result();
            assertThat(r.cancelled()).isEqualTo(queued);
            assertThat(r.vault().withdrawalQueue()).isEqualTo(others);
            assertThat(r.vault().balances()).isEqualTo(before.balances());
            assertThat(r.account().shares()).isEqualTo(account.shares().plus(queued));
            vault = r.vault();
            accounts.put(owner, r.account());
        } else {
            assertThat(queued.isZero()).isTrue();
            assertThat(o.rejection().code()).isEqualTo(RejectionCode.NOTHING_QUEUED);
        }
        log.add("cancel queued " + owner + " → " + describe(o));
        return o;
    }

    Outcome<VaultEngine.WithdrawalResult> withdraw(String owner, Shares shares) {
        LpAccount account = accounts.getOrDefault(owner, LpAccount.open(VAULT, owner));
        Valuation valuation = valuation();
        Amount navForRedemption = valuation.nav(vault, Rounding.UP);
        Shares supply = vault.totalShares();
        Outcome<VaultEngine.WithdrawalResult> o = record(VaultEngine.withdraw(vault, account, shares, valuation, now));
        if (o.isAccepted()) {
            VaultEngine.WithdrawalResult r = o.result();
            // Rounding never favours the leaver: paid × (S + 10^δ) ≤ burned × (NAV + 1), NAV with liability up.
            BigInteger paid = BigInteger.valueOf(r.amount().units()).multiply(BigInteger.valueOf(supply.units() + 1000));
            BigInteger worth = BigInteger.valueOf(r.burned().units())
                    .multiply(BigInteger.valueOf(Math.max(navForRedemption.units(), 0) + 1));
            assertThat(paid).isLessThanOrEqualTo(worth);
            vault = r.vault();
            accounts.put(owner, r.account());
        }
        log.add("withdraw " + owner + " " + shares + " → " + describe(o));
        return o;
    }

    OptionSeries series(OptionType type, long strike, int daysAhead) {
        Instant expiry = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(daysAhead)).plus(Duration.ofHours(8));
        return new OptionSeries("ETH", "USD", type, Amount.ofUnits(strike * Amount.ONE), expiry);
    }

    Outcome<VaultEngine.QuoteResult> quote(OptionSeries series, Quantity quantity, String trader) {
        Outcome<VaultEngine.QuoteResult> o = record(VaultEngine.quote(vault, series, quantity, trader, market, now));
        if (o.isAccepted()) {
            vault = o.result().vault();
        }
        log.add("quote " + series.id() + " " + quantity + " → " + describe(o));
        return o;
    }

    Outcome<VaultEngine.TradeResult> buy(Quote quote, Amount maxPremium, String buyer) {
        SeriesBook book = books.get(quote.series().id());
        Outcome<VaultEngine.TradeResult> o = record(VaultEngine.buy(vault, book, quote, maxPremium, buyer, market,
                now));
        if (o.isAccepted()) {
            VaultEngine.TradeResult r = o.result();
            vault = r.vault();
            books.put(r.series().id(), r.series());
            positions.computeIfAbsent(r.series().id(), k -> new ArrayList<>()).add(r.position());
            expectedLocked.merge(r.series().id(), CollateralPolicy.required(quote.series(), quote.quantity(),
                    quote.breakdown().spot(), vault.parameters()), Amount::plus);
        }
        log.add("buy " + quote.id() + " max " + maxPremium + " → " + describe(o));
        return o;
    }

    /**
     * Quote and take it at once. A market order for the same sale on the same state must come out the same: the
     * same rejection, or the same balances, exposure, band, series book, position, journal and kinds of event.
     */
    Outcome<VaultEngine.TradeResult> trade(OptionSeries series, Quantity quantity, String buyer) {
        Outcome<VaultEngine.TradeResult> marketOrder = VaultEngine.buyAtMarket(vault, books.get(series.id()), series,
                quantity, null, buyer, market, now);
        // The same order on a mark taken as a book's valuation takes it: after the series' other side, which it
        // shares its pricing with.
        SeriesMarks marks = new SeriesMarks(market, vault.parameters(), now);
        marks.valuePerContract(new OptionSeries(series.underlying(), series.quoteCurrency(),
                series.type() == OptionType.CALL ? OptionType.PUT : OptionType.CALL, series.strike(), series.expiry()));
        Outcome<VaultEngine.TradeResult> onMark = MarkedBook.buy(vault, books.get(series.id()),
                marks.mark(series), quantity, null, buyer);
        Outcome<VaultEngine.QuoteResult> q = quote(series, quantity, buyer);
        if (!q.isAccepted()) {
            assertThat(marketOrder.rejection()).as("market order").isEqualTo(q.rejection());
            assertThat(onMark.rejection()).as("market order on a mark").isEqualTo(q.rejection());
            return Outcome.rejected(q.rejection());
        }
        VaultState before = vault;
        RiskReceipt receipt = VaultEngine.riskReceipt(vault, books.get(series.id()), q.result().quote(), market, now);
        Outcome<VaultEngine.TradeResult> bought = buy(q.result().quote(), q.result().quote().premium(), buyer);
        // The quote's receipt says what the trade then did to the fund.
        assertThat(receipt).isEqualTo(RiskReceipt.between(before, bought.isAccepted() ? bought.result().vault()
                : before));
        assertSameSale(marketOrder, bought);
        assertSameSale(onMark, bought);
        return bought;
    }

    private static void assertSameSale(Outcome<VaultEngine.TradeResult> marketOrder,
            Outcome<VaultEngine.TradeResult> bought) {
        VaultEngine.TradeResult m = marketOrder.result();
        VaultEngine.TradeResult b = bought.result();
        assertThat(m.vault().balances()).isEqualTo(b.vault().balances());
        assertThat(m.vault().exposure()).isEqualTo(b.vault().exposure());
        assertThat(m.vault().riskLevel()).isEqualTo(b.vault().riskLevel());
        assertThat(m.series()).usingRecursiveComparison().isEqualTo(b.series());
        assertThat(m.position()).usingRecursiveComparison().ignoringFields("id").isEqualTo(b.position());
        assertThat(m.sale()).isEqualTo(b.quote().breakdown()).isEqualTo(b.sale());
        assertThat(m.quote()).isNull();
        assertThat(marketOrder.journal()).isEqualTo(bought.journal());
        assertThat(marketOrder.events()).map(Object::getClass).isEqualTo(bought.events().stream()
                .map(Object::getClass).toList());
    }

    /** The open positions, oldest first: what holders could sell back. */
    List<Position> openPositions() {
        return positions.values().stream().flatMap(List::stream).filter(p -> !p.isSettled() && !p.isClosed())
                .toList();
    }

    /**
     * The holder sells contracts of a position back at the pool's bid: by a bid taken at once and, on the same
     * state, at market, which must come out the same. Refused: nothing changes. Accepted: the holder receives the
     * value less spread and fees (never negative, never above the value), the LPs' share price does not fall, the
     * series keeps locked what its remaining contracts hold in proportion, and the position and open interest fall
     * by the quantity.
     */
    Outcome<VaultEngine.BuybackResult> sellBack(Position position, Quantity quantity, String holder) {
        SeriesBook book = books.get(position.series());
        List<SeriesBook> others = books.values().stream().filter(b -> !b.id().equals(book.id())).toList();
        Valuation othersValue = Valuation.of(others, market, vault.parameters(), now);
        VaultState before = vault;
        Outcome<VaultEngine.BuybackResult> atMarket = VaultEngine.sellBackAtMarket(vault, book, position, quantity,
                null, holder, market, othersValue, now);
        Outcome<io.backstop.vault.quote.Bid> bid = record(VaultEngine.bid(vault, book, position, quantity, holder,
                market, now, vault.sequence() + 1));
        if (!bid.isAccepted()) {
            assertThat(atMarket.rejection()).as("at market").isEqualTo(bid.rejection());
            log.add("bid " + position.id() + " " + quantity + " by " + holder + " → " + describe(bid));
            return Outcome.rejected(bid.rejection());
        }
        Amount navBefore = valuation().nav(vault, Rounding.UP);
        Outcome<VaultEngine.BuybackResult> o = record(VaultEngine.sellBack(vault, book, position, bid.result(),
                bid.result().proceeds(), holder, market, othersValue, now));
        assertThat(o.isAccepted()).as("a bid taken at once: %s", o).isTrue();
        VaultEngine.BuybackResult r = o.result();
        VaultEngine.BuybackResult m = atMarket.result();
        assertThat(m.vault()).isEqualTo(r.vault());
        assertThat(m.series()).usingRecursiveComparison().isEqualTo(r.series());
        assertThat(m.position()).isEqualTo(r.position());
        assertThat(m.sale()).isEqualTo(r.sale());
        assertThat(atMarket.journal()).isEqualTo(o.journal());
        assertThat(r.bid().taken()).isTrue();
        double value = quantity.toDouble() * new SeriesMarks(market, vault.parameters(), now)
                .valuePerContract(book.series());
        assertThat(r.sale().proceeds().isNegative()).isFalse();
        assertThat(r.sale().proceeds().toDouble()).isLessThanOrEqualTo(value + 1e-6);
        assertThat(r.sale().theoretical().toDouble()).isLessThanOrEqualTo(value + 1e-6);
        Amount expected = quantity.equals(book.openInterest()) ? Amount.ZERO : Amount.ofUnits(
                BigInteger.valueOf(book.locked().units()).multiply(BigInteger.valueOf(book.openInterest()
                        .minus(quantity).units())).add(BigInteger.valueOf(book.openInterest().units() - 1))
                        .divide(BigInteger.valueOf(book.openInterest().units())).longValueExact());
        assertThat(r.series().locked()).as("locked after a buyback: the remaining contracts' share, rounded up")
                .isEqualTo(expected);
        vault = r.vault();
        books.put(book.id(), r.series());
        expectedLocked.put(book.id(), expected);
        positions.put(book.id(), new ArrayList<>(positions.get(book.id()).stream()
                .map(p -> p.id().equals(position.id()) ? r.position() : p).toList()));
        assertThat(r.position().quantity()).isEqualTo(position.quantity().minus(quantity));
        assertThat(r.position().premium().plus(position.premiumOf(quantity))).isEqualTo(position.premium());
        // The LPs pay less than the contracts are worth: their NAV, with what the queue was paid, does not fall.
        Amount servedAmount = r.served().stream().map(VaultEngine.ServedWithdrawal::amount)
                .reduce(Amount.ZERO, Amount::plus);
        assertThat(valuation().nav(vault, Rounding.UP).plus(servedAmount)).as("LPs' NAV after a buyback")
                .isGreaterThanOrEqualTo(navBefore);
        soldBack++;
        log.add("sell back " + position.id() + " " + quantity + " → ok, " + r.sale().proceeds());
        return o;
    }

    Outcome<VaultEngine.SettlementResult> settle(String seriesId, Amount price) {
        SeriesBook book = books.get(seriesId);
        List<Position> held = positions.getOrDefault(seriesId, List.of());
        Balances before = vault.balances();
        List<SeriesBook> others = books.values().stream().filter(b -> !b.id().equals(seriesId)).toList();
        Valuation othersValue = Valuation.of(others, market, vault.parameters(), now);
        Outcome<VaultEngine.SettlementResult> atOnce = VaultEngine.settleAndPayOut(vault, book, held, price,
                othersValue, now);
        Outcome<VaultEngine.SettlementResult> o = record(ExpirySettlement.settle(vault, book, held, price,
                othersValue, now));
        if (o.isAccepted()) {
            VaultEngine.SettlementResult r = o.result();
            checkSettlement(r.report(), before);
            vault = r.vault();
            books.put(seriesId, r.series());
            positions.put(seriesId, r.positions());
            expectedLocked.put(seriesId, Amount.ZERO);
            settlements++;
            for (Position p : r.positions()) {
                Outcome<ExpirySettlement.PayoutResult> paid = record(ExpirySettlement.payOut(vault, p, now));
                vault = paid.result().vault();
            }
            positions.put(seriesId, r.positions().stream().map(Position::paid).toList());
            checkPaidAtOnce(atOnce, before, r);
        } else {
            assertThat(atOnce.rejection()).isEqualTo(o.rejection());
        }
        log.add("settle " + seriesId + " at " + price + " → " + describe(o));
        return o;
    }

    /**
     * Settling and paying out at once (as the service does) ends where settling then paying each holder ends: the
     * same vault, the same paid positions, the same events, and a journal that folds to the same balances.
     */
    private void checkPaidAtOnce(Outcome<VaultEngine.SettlementResult> atOnce, Balances before,
            VaultEngine.SettlementResult stepByStep) {
        assertThat(atOnce.isAccepted()).as("settled at once: %s", atOnce).isTrue();
        assertThat(atOnce.result().vault()).isEqualTo(vault);
        assertThat(atOnce.result().positions()).isEqualTo(stepByStep.positions().stream()
                .map(p -> p.payout().isPositive() ? p.paid() : p).toList());
        assertThat(before.apply(atOnce.journal())).isEqualTo(vault.balances());
        long paidEvents = atOnce.events().stream().filter(e -> e instanceof VaultEvent.PayoutPaid).count();
        assertThat(paidEvents).isEqualTo(stepByStep.positions().stream().filter(p -> p.payout().isPositive()).count());
        assertThat(atOnce.journal().size()).as("the settlement, the queue served, one entry for all payouts")
                .isLessThanOrEqualTo(2 + stepByStep.served().size());
    }

    private void checkSettlement(SettlementReport report, Balances before) {
        // Socialised loss only when the buffer is empty afterwards.
        if (report.socialisedLoss().isPositive()) {
            assertThat(report.fromBuffer()).isEqualTo(before.buffer());
        }
        // Every holder receives the same fraction: payout = ⌊claim × available / claims⌋, never above the claim.
        for (SettlementReport.HolderPayout h : report.payouts()) {
            assertThat(h.payout()).isLessThanOrEqualTo(h.claim());
            long exact = Amount.mulDiv(h.claim().units(), report.available().units(),
                    Math.max(report.claims().units(), 1), Rounding.DOWN);
            assertThat(h.payout().units()).isEqualTo(report.claims().isZero() ? 0 : exact);
        }
        assertThat(report.paid().plus(report.dust())).isEqualTo(report.available());
        assertThat(report.available().plus(report.socialisedLoss())).isEqualTo(report.claims());
    }

    void advance(Duration d) {
        now = now.plus(d);
        log.add("advance " + d);
    }

    /**
     * The market moves; as in the service, the book is repriced on the stress grid only when the engine's
     * {@link RepricingTrigger} says it is due (never yet, the interval passed, or a move beyond the threshold).
     */
    void moveMarket(double spotFactor, double volShift) {
        market = new MarketSnapshot(market.spot() * spotFactor, volShift);
        if (!RepricingTrigger.isDue(vault.parameters(), repricedAt, repricedSpot, now, market.spot())
                && volShift == 0) {
            log.add("market " + market + " (not repriced)");
            return;
        }
        Outcome<VaultEngine.RiskResult> o = record(VaultEngine.reassessRisk(vault, List.copyOf(books.values()),
                market, null, now));
        vault = o.result().vault();
        for (SeriesBook b : o.result().series()) {
            books.put(b.id(), b);
        }
        repricedAt = now;
        repricedSpot = market.spot();
        log.add("market " + market);
    }

    /**
     * The oracle was down at expiry: every series past its grace period is settled by an operator at spot, within
     * the range of the prices accepted around it (spot ±2%), as the waterfall settles it at that price.
     */
    void forceSettleExpired() {
        for (SeriesBook b : List.copyOf(books.values())) {
            if (b.isSettled() || now.isBefore(b.series().expiry().plus(vault.parameters().forcedSettlementGrace()))) {
                continue;
            }
            Amount price = cents(market.spot());
            PriceRange around = new PriceRange(cents(market.spot() * 0.98), cents(market.spot() * 1.02));
            List<Position> held = positions.getOrDefault(b.id(), List.of());
            Balances before = vault.balances();
            List<SeriesBook> others = books.values().stream().filter(o -> !o.id().equals(b.id())).toList();
            Valuation othersValue = Valuation.of(others, market, vault.parameters(), now);
            Outcome<VaultEngine.SettlementResult> plain = VaultEngine.settleAndPayOut(vault, b, held, price,
                    othersValue, now);
            Outcome<VaultEngine.SettlementResult> o = record(VaultEngine.forceSettle(vault, b, held, price, around,
                    "ops", "oracle down", othersValue, now));
            assertThat(o.isAccepted()).as("force-settle %s: %s", b.id(), o).isTrue();
            assertThat(o.result().vault()).isEqualTo(plain.result().vault());
            assertThat(o.events().get(0)).isInstanceOf(VaultEvent.SeriesForceSettled.class);
            VaultEngine.SettlementResult r = o.result();
            checkSettlement(r.report(), before);
            vault = r.vault();
            books.put(b.id(), r.series());
            positions.put(b.id(), r.positions());
            expectedLocked.put(b.id(), Amount.ZERO);
            settlements++;
            forcedSettlements++;
            assertThat(VaultEngine.forceSettle(vault, r.series(), r.positions(), price, around, "ops", "again",
                    othersValue, now).rejection().code()).isEqualTo(RejectionCode.ALREADY_SETTLED);
            log.add("force-settle " + b.id() + " at " + price + " → ok");
        }
    }

    private static Amount cents(double price) {
        return Amount.ofUnits(Math.max(1, Math.round(price * 100)) * (Amount.ONE / 100));
    }

    /** Settles every expired series at the current spot, rounded to a cent. */
    void settleExpired() {
        for (SeriesBook b : List.copyOf(books.values())) {
            if (!b.isSettled() && !now.isBefore(b.series().expiry())) {
                Amount price = Amount.ofUnits(Math.round(market.spot() * 100) * (Amount.ONE / 100));
                Outcome<VaultEngine.SettlementResult> o = settle(b.id(), price);
                assertThat(o.isAccepted()).as("settle %s: %s", b.id(), o).isTrue();
                // A series settles exactly once.
                assertThat(settle(b.id(), price).rejection().code()).isEqualTo(RejectionCode.ALREADY_SETTLED);
            }
        }
    }

    void checkInvariants() {
        Balances fold = Balances.EMPTY.apply(journal);
        assertThat(vault.balances()).as("balances are the fold of the journal").isEqualTo(fold);
        assertThat(fold.isConsistent()).as("cash = claims, nothing negative: %s", fold).isTrue();
        for (JournalEntry e : journal) {
            long debits = 0;
            long credits = 0;
            for (Posting p : e.postings()) {
                if (p.side() == Posting.Side.DEBIT) {
                    debits += p.amount().units();
                } else {
                    credits += p.amount().units();
                }
            }
            assertThat(debits).isEqualTo(credits);
        }
        // Locked collateral per series equals its policy and the fold of its account.
        Map<String, Long> lockedFold = new HashMap<>();
        for (JournalEntry e : journal) {
            for (Posting p : e.postings()) {
                if (p.account().kind() == Account.Kind.LOCKED) {
                    lockedFold.merge(p.account().series(), p.balanceChange(), Long::sum);
                }
            }
        }
        long lockedTotal = 0;
        for (SeriesBook b : books.values()) {
            assertThat(b.locked()).as("locked %s", b.id()).isEqualTo(expectedLocked.getOrDefault(b.id(), Amount.ZERO));
            assertThat(lockedFold.getOrDefault(b.id(), 0L)).isEqualTo(b.locked().units());
            lockedTotal += b.locked().units();
            Quantity held = positions.getOrDefault(b.id(), List.of()).stream().map(Position::quantity)
                    .reduce(Quantity.ZERO, Quantity::plus);
            assertThat(held).isEqualTo(b.openInterest());
        }
        assertThat(vault.balances().locked().units()).isEqualTo(lockedTotal);
        // Share supply equals holdings: accounts plus the queue.
        Shares held = accounts.values().stream().map(LpAccount::shares).reduce(Shares.ZERO, Shares::plus);
        for (QueuedWithdrawal q : vault.withdrawalQueue()) {
            held = held.plus(q.shares());
        }
        assertThat(held).isEqualTo(vault.totalShares());
        assertThat(vault.balances().traderPayouts()).as("every settled payout was paid out").isEqualTo(Amount.ZERO);
    }

    private static String describe(Outcome<?> o) {
        return o.isAccepted() ? "ok" : o.rejection().code().slug();
    }
}
