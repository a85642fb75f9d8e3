package io.backstop.vault.simulation;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarkedBook;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Outcome;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.quote.SeriesMarks;
import io.backstop.vault.settlement.SettlementReport;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One simulated vault driven through {@link VaultEngine} command by command as the service drives it (a trader who
 * takes a quote at once buys with the equivalent market order), keeping the aggregates each command returns and
 * tallying what the simulator reports: buffer inflows, calls on the buffer, socialised losses and the starting
 * buffer the path would have needed.
 */
final class SimulatedVault {

    static final String VAULT_ID = "sim";
    static final String LPS = "lps";
    static final String TRADERS = "traders";
    static final String OPENING_BOOK = "opening-book";
    /** The simulated vault's pair: the simulator is about one underlying in one quote currency. */
    static final String UNDERLYING = "UND";
    static final String QUOTE_CURRENCY = "USD";

    private VaultState vault;
    private LpAccount lps;
    // Every series asked for, by its number in the thread's catalogue: an arrival finds its book and positions
    // with one array read.
    private final SeriesCatalogue catalogue;
    private Listed[] listed;
    // The live ones in book order, so that marks and the stress grid price a strike's call and put together, and
    // the expired ones come first.
    private final List<Listed> live = new ArrayList<>(64);
    private final List<SeriesBook> liveBooks = new AbstractList<>() {
        @Override
        public SeriesBook get(int index) {
            return live.get(index).book;
        }

        @Override
        public int size() {
            return live.size();
        }
    };

    // The live series' marks as the step's valuation leaves them, before they go to their series.
    private SeriesMark[] marks = new SeriesMark[64];

    // The options' mark-to-market at the current step: revalued in full once a step, then moved by each sale and
    // settlement, so a step prices every live series once rather than once per command.
    private double liability;

    // Tallies in minor units. "Demand" is what the buffer was asked for: drawn plus socialised.
    private long bufferInflow;
    private long bufferDemand;
    private long requiredBuffer;
    private long socialised;
    private long claimsWhenSocialised;
    private long paidWhenSocialised;
    private boolean bufferExhausted;
    int tradesAccepted;
    int tradesRejected;
    /** Trades refused, by the engine's reason (indexed by {@link RejectionCode#ordinal()}). */
    final int[] tradesRejectedBy = new int[RejectionCode.values().length];
    int deposits;
    int withdrawals;

    private SimulatedVault(VaultState vault, SeriesCatalogue catalogue) {
        this.vault = vault;
        this.lps = LpAccount.open(VAULT_ID, LPS);
        this.catalogue = catalogue;
        // Room for every series the thread's paths have asked for so far, which this one mostly asks for again.
        this.listed = new Listed[catalogue.size() + 64];
    }

    /** A catalogue of series on the simulated vault's pair, for one thread's paths. */
    static SeriesCatalogue catalogue() {
        return new SeriesCatalogue(UNDERLYING, QUOTE_CURRENCY);
    }

    /**
     * Opens the vault: the LPs deposit the capital, the buffer is funded, the opening book is taken over.
     *
     * @throws InvalidScenarioException naming the book line the vault cannot take over
     */
    static SimulatedVault open(VaultSetup setup, List<OpeningPosition> book, MarketSnapshot market, Instant start,
            SeriesCatalogue catalogue) {
        SimulatedVault v = new SimulatedVault(VaultState.open(VAULT_ID, UNDERLYING, QUOTE_CURRENCY,
                setup.parameters()), catalogue);
        VaultEngine.DepositResult d = accepted(VaultEngine.deposit(v.vault, v.lps, setup.lpCapital(), Valuation.NONE,
                start), "vault.lpCapital");
        v.vault = d.vault();
        v.lps = d.account();
        if (setup.buffer().isPositive()) {
            v.vault = accepted(VaultEngine.topUpBuffer(v.vault, setup.buffer(), "simulation", start), "vault.buffer");
        }
        for (int i = 0; i < book.size(); i++) {
            OpeningPosition line = book.get(i);
            Listed s = v.listing(line.type(), line.strike().units(), start.plus(Duration.ofDays(line.expiryDays())));
            v.record(s, accepted(VaultEngine.assume(v.vault, s.book, s.series, line.quantity(), OPENING_BOOK, market,
                    start), "book[" + i + "]"));
        }
        return v;
    }

    private static <T> T accepted(Outcome<T> outcome, String field) {
        if (!outcome.isAccepted()) {
            throw new InvalidScenarioException(field, outcome.rejection().detail());
        }
        return outcome.result();
    }

    private Listed listing(OptionType type, long strikeUnits, Instant expiry) {
        int number = catalogue.numberOf(type, strikeUnits, expiry);
        if (number >= listed.length) {
            listed = Arrays.copyOf(listed, Math.max(2 * listed.length, number + 1));
        }
        Listed s = listed[number];
        if (s == null) {
            s = new Listed(catalogue.series(number));
            listed[number] = s;
        }
        return s;
    }

    private void record(Listed s, VaultEngine.TradeResult t) {
        vault = t.vault();
        if (s.book == null) {
            live.add(-Collections.binarySearch(live, s, IN_BOOK_ORDER) - 1, s);
            s.positions = new ArrayList<>();
        }
        s.book = t.series();
        s.positions.add(t.position());
    }

    /**
     * A series the traders have asked for: its book and positions from its first sale; its book once settled; its
     * mark at the latest step that marked or sold it.
     */
    private static final class Listed {
        final OptionSeries series;
        SeriesBook book;
        List<Position> positions;
        SeriesMark mark;

        Listed(OptionSeries series) {
            this.series = series;
        }
    }

    private static final Comparator<Listed> IN_BOOK_ORDER = (a, b) -> OptionSeries.BOOK_ORDER.compare(a.series,
            b.series);

    VaultState state() {
        return vault;
    }

    int liveSeries() {
        return live.size();
    }

    /**
     * Prices every live series at the step's market; later commands in the step keep the figure current, and the
     * step's sales of these series are priced on their marks.
     */
    void revalue(MarketSnapshot market, Instant now) {
        if (marks.length < live.size()) {
            marks = new SeriesMark[Math.max(2 * marks.length, live.size())];
        }
        liability = MarkedBook.value(liveBooks, market, vault.parameters(), now, marks).liability();
        for (int i = 0; i < live.size(); i++) {
            live.get(i).mark = marks[i];
        }
    }

    /** The valuation of the live series as of the last {@link #revalue} and the commands since. */
    Valuation valuation() {
        // Moving the sum up and down can leave a rounding residue below zero once the book is empty.
        return new Valuation(Math.max(liability, 0));
    }

    /** NAV per share, mid (liability unrounded): what the LP return and drawdown are measured on. */
    double navPerShare() {
        double nav = vault.balances().lpCapital().toDouble() - Math.max(liability, 0);
        return nav / Math.max(vault.totalShares().units(), 1);
    }

    /**
     * A trader buys a series at the quoted premium, a quote taken at once; rejections are counted.
     *
     * @param strikeUnits the strike in minor units, positive
     */
    void trade(OptionType type, long strikeUnits, Instant expiry, Quantity quantity, MarketSnapshot market,
            Instant now) {
        Listed s = listing(type, strikeUnits, expiry);
        long bufferBefore = vault.balances().buffer().units();
        SeriesMark mark = s.mark;
        if (mark == null || !mark.at().equals(now) || !mark.market().equals(market)) {
            mark = SeriesMark.of(s.series, market, vault.parameters(), now); // a series first sold in this step
            s.mark = mark;
        }
        Outcome<VaultEngine.TradeResult> t = MarkedBook.buy(vault, s.book, mark, quantity, null, TRADERS);
        if (!t.isAccepted()) {
            tradesRejected++;
            tradesRejectedBy[t.rejection().code().ordinal()]++;
            return;
        }
        record(s, t.result());
        // Marked at the sale's theoretical value: the same surface read and price, not a second one (rounded up by
        // under a minor unit, the cautious side; the next step's revaluation starts afresh anyway).
        liability += t.result().sale().theoretical().toDouble();
        bufferInflow += vault.balances().buffer().units() - bufferBefore;
        tradesAccepted++;
    }

    /** The LPs deposit an amount at NAV. */
    void deposit(Amount amount, Instant now) {
        Outcome<VaultEngine.DepositResult> d = VaultEngine.deposit(vault, lps, amount, valuation(), now);
        if (d.isAccepted()) {
            vault = d.result().vault();
            lps = d.result().account();
            deposits++;
        }
    }

    /** The LPs ask to redeem shares worth an amount at NAV; what free liquidity cannot pay is queued. */
    void withdraw(Amount worth, Instant now) {
        Valuation valuation = valuation();
        Amount nav = valuation.nav(vault, Rounding.UP);
        if (!nav.isPositive()) {
            return; // nothing to redeem for: the engine would refuse, and the LPs know it
        }
        Shares shares = lps.shares();
        if (nav.compareTo(worth) > 0) {
            Shares wanted = new SharePrice(nav, vault.totalShares()).sharesWorth(worth, Rounding.UP);
            shares = wanted.compareTo(shares) < 0 ? wanted : shares;
        }
        if (shares.isZero()) {
            return;
        }
        Outcome<VaultEngine.WithdrawalResult> w = VaultEngine.withdraw(vault, lps, shares, valuation, now);
        if (w.isAccepted()) {
            vault = w.result().vault();
            lps = w.result().account();
            withdrawals++;
        }
    }

    /** Re-prices the live book on the stress grid and moves the risk ladder. */
    void reassessRisk(MarketSnapshot market, Instant now) {
        if (live.isEmpty()) {
            return;
        }
        VaultEngine.RiskResult r = VaultEngine.reassessRisk(vault, liveBooks, market, null, now).result();
        vault = r.vault();
        for (int i = 0; i < live.size(); i++) {
            live.get(i).book = r.series().get(i);
        }
    }

    /** Settles every expired series at the spot, pays the holders out, and tallies the waterfall. */
    void settleExpired(MarketSnapshot market, Instant now) {
        // Book order is expiry first: the expired series are the first ones.
        int expired = 0;
        while (expired < live.size() && !now.isBefore(live.get(expired).series.expiry())) {
            expired++;
        }
        if (expired == 0) {
            return;
        }
        Amount price = Amount.of(market.spot(), Rounding.DOWN);
        SeriesMarks marks = new SeriesMarks(market, vault.parameters(), now);
        for (int i = 0; i < expired; i++) {
            Listed s = live.get(i);
            liability -= s.book.openInterest().toDouble() * marks.valuePerContract(s.series);
            // The others, expired ones not yet settled included, value the NAV of queued withdrawals served now.
            VaultEngine.SettlementResult r = VaultEngine.settleAndPayOut(vault, s.book, s.positions, price,
                    valuation(), now).result();
            vault = r.vault();
            s.book = r.series();
            s.positions = null;
            tally(r.report());
        }
        live.subList(0, expired).clear();
    }

    private void tally(SettlementReport report) {
        long demand = report.fromBuffer().units() + report.socialisedLoss().units();
        if (demand == 0) {
            return;
        }
        bufferDemand += demand;
        requiredBuffer = Math.max(requiredBuffer, bufferDemand - bufferInflow);
        if (report.socialisedLoss().isPositive()) {
            socialised += report.socialisedLoss().units();
            claimsWhenSocialised += report.claims().units();
            paidWhenSocialised += report.paid().units();
        }
        if (vault.balances().buffer().isZero()) {
            bufferExhausted = true;
        }
    }

    long bufferDemand() {
        return bufferDemand;
    }

    long requiredBuffer() {
        return requiredBuffer;
    }

    long socialised() {
        return socialised;
    }

    long claimsWhenSocialised() {
        return claimsWhenSocialised;
    }

    long paidWhenSocialised() {
        return paidWhenSocialised;
    }

    boolean bufferExhausted() {
        return bufferExhausted;
    }
}
