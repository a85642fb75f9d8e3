package io.backstop.service.app;

import io.backstop.service.BackstopConfig;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.BufferSizingRecord;
import io.backstop.service.store.JournalRecord;
import io.backstop.service.store.ParameterChangeRecord;
import io.backstop.service.store.VaultReading;
import io.backstop.service.store.VaultHistoryRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.governance.Parameter;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Balances;
import io.backstop.vault.ledger.Posting;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.oracle.PriceObservation;
import io.backstop.vault.quote.SeriesMark;
import io.backstop.vault.quote.ListingRules;
import io.backstop.vault.risk.BookGreeks;
import io.backstop.vault.risk.Coverage;
import io.backstop.vault.settlement.WaterfallCapacity;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import io.backstop.vault.simulation.BufferSizing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read models: a vault at the last oracle price (even a stale one: reads never fail for want of a price), its
 * series' marks, its share price and its insurance buffer. NAV rounds the liability up, the cautious side for a
 * reader.
 */
@ApplicationScoped
public class VaultViews {

    /**
     * A vault as the API shows it.
     *
     * @param spot null until the oracle has reported a price
     */
    public record VaultView(String id, String underlying, String quoteCurrency, Amount spot, Amount nav,
            BigDecimal sharePrice, Shares totalShares, double utilization, String riskLevel, BalancesView balances,
            long parametersVersion) {
    }

    /** cash = lpFree + locked + buffer + treasury (+ traderPayouts + dust, zero except in transit). */
    public record BalancesView(Amount cash, Amount lpFree, Amount locked, Amount buffer, Amount treasury,
            Amount traderPayouts, Amount dust) {
    }

    /** A vault loaded with its valuation inputs, valued at {@code now}. */
    public record Valued(VaultState vault, List<SeriesBook> unsettled, PriceObservation price, Valuation valuation,
            Instant now) {

        /** NAV with the liability rounded up. */
        public Amount nav() {
            return valuation.nav(vault, Rounding.UP);
        }

        /** The share price at that NAV. */
        public SharePrice sharePrice() {
            return new SharePrice(nav(), vault.totalShares());
        }
    }

    private final VaultBooks books;
    private final VaultReading reading;
    private final ServiceClock clock;
    private final Duration sizingInterval;

    public VaultViews(VaultBooks books, VaultReading reading, ServiceClock clock, BackstopConfig config) {
        this.books = books;
        this.sizingInterval = config.bufferSizing().interval();
        this.reading = reading;
        this.clock = clock;
    }

    /**
     * A vault as last committed, valued now: read in one statement outside any session, so it needs none (404 if
     * there is no such vault).
     */
    public Uni<Valued> committed(String vaultId) {
        return reading.read(vaultId).onItem().ifNull().failWith(() -> VaultBooks.noVault(vaultId)).map(read -> {
            VaultState vault = Aggregates.vault(read.vault());
            return valued(vault, VaultBooks.inBookOrder(vault, read.unsettled()),
                    read.lastPrice() == null ? null : Aggregates.observation(read.lastPrice()), clock.now());
        });
    }

    /** Loads and values a vault by id (404 if missing); inside a session. */
    public Uni<Valued> valued(String vaultId) {
        return books.read(vaultId).chain(this::valued);
    }

    /** Values a vault row; inside a session. */
    public Uni<Valued> valued(VaultRecord row) {
        VaultState vault = Aggregates.vault(row);
        Instant now = clock.now();
        return books.unsettled(vault).chain(series -> books.lastPrice(vault.underlying())
                .map(price -> valued(vault, series, price, now)));
    }

    /** A vault valued at the last price, however old: reads never fail for want of a fresh one. */
    private static Valued valued(VaultState vault, List<SeriesBook> series, PriceObservation price, Instant now) {
        Valuation valuation = price == null ? Valuation.NONE
                : Valuation.of(series, MarketSnapshot.at(price.price().toDouble()), vault.parameters(), now);
        return new Valued(vault, series, price, valuation, now);
    }

    /** Every vault, valued now, in id order; inside a session. */
    public Uni<List<VaultView>> all() {
        return VaultRecord.all().onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(this::valued).map(VaultViews::view).collect().asList();
    }

    /** One vault's view as last committed (after a command's transaction has committed, or for a reader). */
    public Uni<VaultView> read(String vaultId) {
        return committed(vaultId).map(VaultViews::view);
    }

    /** The API view of a valued vault. */
    public static VaultView view(Valued v) {
        VaultState s = v.vault();
        Balances b = s.balances();
        return new VaultView(s.id(), s.underlying(), s.quoteCurrency(), v.price() == null ? null : v.price().price(),
                v.nav(), v.sharePrice().perShare(), s.totalShares(), s.utilization(), s.riskLevel().name(),
                new BalancesView(b.cash(), b.lpFree(), b.locked(), b.buffer(), b.treasury(), b.traderPayouts(),
                        b.dust()), s.parameters().version());
    }

    /**
     * The book's Greeks as the pool holds them (short), at the last price however old: reads never fail for want of
     * a fresh one; with no price at all, none.
     */
    public static BookGreeks greeks(Valued v) {
        return v.price() == null ? new BookGreeks(List.of(), 0, 0, 0, 0) : BookGreeks.of(v.unsettled(),
                MarketSnapshot.at(v.price().price().toDouble()), v.vault().parameters(), v.now());
    }

    /**
     * A vault's exposure: the book's net Greeks and each series', at {@code spot} (the last oracle price, null if
     * there is none) as of {@code at}.
     */
    public record ExposureView(Amount spot, Instant at, BookGreeks book) {
    }

    /** The exposure of a vault as last committed. */
    public Uni<ExposureView> exposure(String vaultId) {
        return committed(vaultId).map(v -> new ExposureView(v.price() == null ? null : v.price().price(), v.now(),
                greeks(v)));
    }

    /**
     * The settlement waterfall's layers as they stand and how far each stress scenario's claims would reach, on the
     * vault as last committed.
     */
    public Uni<WaterfallCapacity> waterfall(String vaultId) {
        return committed(vaultId).map(v -> WaterfallCapacity.of(v.vault(), v.unsettled()));
    }

    /** A live series' value per contract and the implied volatility it is marked at. */
    public record Mark(double value, double iv) {
    }

    /** The mark of a live series at the vault's valuation price and instant; null if settled or unpriced. */
    public static Mark mark(Valued v, SeriesBook book) {
        if (v.price() == null || book.isSettled()) {
            return null;
        }
        MarketSnapshot market = MarketSnapshot.at(v.price().price().toDouble());
        SeriesMark mark = SeriesMark.of(book.series(), market, v.vault().parameters(), v.now());
        return new Mark(mark.valuePerContract(), mark.volatility());
    }

    /**
     * A movement of the insurance buffer, with the balance after it; {@code settlement} names the series whose
     * settlement drew (or released) it, null for fees and top-ups. {@code id} orders movements and pages them.
     */
    public record BufferMovement(long id, Instant at, String memo, Amount change, Amount balance,
            String settlement) {
    }

    /** The buffer's balance at the end of a day (UTC) on which it moved. */
    public record DailyBalance(LocalDate day, Amount balance) {
    }

    /**
     * A page of the buffer's history between two instants, oldest first, with the closing balance of each day the
     * page covers; {@code next} is the cursor of the page after it, null on the last.
     */
    public record BufferHistoryPage(List<BufferMovement> movements, List<DailyBalance> daily, String next) {
    }

    /** Settlement entries' memo: "settlement " and the series id. */
    private static final String SETTLEMENT_MEMO = "settlement ";

    /**
     * The buffer's movements observed from {@code from} (inclusive) to {@code to} (exclusive), {@code limit} at a
     * time after the movement {@code afterId} (0 for the first page). Balances run from the vault's first movement,
     * whatever the page.
     */
    public Uni<BufferHistoryPage> bufferHistory(String vaultId, Instant from, Instant to, long afterId, int limit) {
        return books.read(vaultId).chain(row -> JournalRecord.bufferLines(vaultId)).map(lines -> {
            List<BufferMovement> inRange = bufferHistory(lines).stream()
                    .filter(m -> !m.at().isBefore(from) && m.at().isBefore(to) && m.id() > afterId).toList();
            List<BufferMovement> page = inRange.subList(0, Math.min(limit, inRange.size()));
            Map<LocalDate, Amount> closing = new LinkedHashMap<>();
            page.forEach(m -> closing.put(m.at().atZone(ZoneOffset.UTC).toLocalDate(), m.balance()));
            List<DailyBalance> daily = closing.entrySet().stream().map(e -> new DailyBalance(e.getKey(), e.getValue()))
                    .toList();
            String next = inRange.size() > limit ? Long.toString(page.get(page.size() - 1).id()) : null;
            return new BufferHistoryPage(page, daily, next);
        });
    }

    /**
     * The buffer's history: its postings in journal order, each with the balance after it, each change signed as the
     * engine's ledger signs it ({@link Posting#balanceChange()}).
     */
    static List<BufferMovement> bufferHistory(List<JournalRecord> lines) {
        List<BufferMovement> history = new ArrayList<>(lines.size());
        long balance = 0;
        for (JournalRecord line : lines) {
            long change = new Posting(Account.BUFFER, Posting.Side.valueOf(line.side), Amount.ofUnits(line.amount))
                    .balanceChange();
            balance += change;
            String settlement = line.memo.startsWith(SETTLEMENT_MEMO) ? line.memo.substring(SETTLEMENT_MEMO.length())
                    : null;
            history.add(new BufferMovement(line.id, line.at, line.memo, Amount.ofUnits(change),
                    Amount.ofUnits(balance), settlement));
        }
        return history;
    }

    /** A sample of a vault's history; {@code coverage} null when nothing was at risk, {@code spot} before any price. */
    public record HistoryPoint(Instant at, Amount spot, Amount nav, BigDecimal sharePrice, double utilization,
            Amount buffer, Amount stressLoss, Double coverage, String riskLevel) {
    }

    /** A page of a vault's history, oldest first; {@code next} the cursor of the page after it, null on the last. */
    public record HistoryPage(List<HistoryPoint> points, String next) {
    }

    /**
     * The vault's samples from {@code from} (inclusive) to {@code to} (exclusive), oldest first, {@code limit} at a
     * time after {@code cursor} (null for the first page); 404 for a vault that does not exist.
     */
    public Uni<HistoryPage> history(String vaultId, Instant from, Instant to, String cursor, int limit) {
        Instant after = cursor == null ? Instant.EPOCH.minusSeconds(1) : PageCursor.of(cursor, 0).at();
        return books.read(vaultId).chain(row -> VaultHistoryRecord.page(vaultId, from, to, after, limit + 1))
                .map(rows -> {
                    List<HistoryPoint> points = rows.stream().limit(limit).map(r -> new HistoryPoint(r.at,
                            r.spot == null ? null : Amount.ofUnits(r.spot), Amount.ofUnits(r.nav), r.sharePrice,
                            r.utilization, Amount.ofUnits(r.buffer), Amount.ofUnits(r.stressLoss), r.coverage,
                            r.riskLevel)).toList();
                    return new HistoryPage(points, rows.size() > limit
                            ? new PageCursor(points.get(limit - 1).at()).token() : null);
                });
    }

    /** The expiries a vault lists now, in order: what a quote or a market order may name. */
    public record ExpiriesView(Instant now, List<Instant> expiries) {
    }

    /** The vault's listed expiries at the service's clock (the engine's listing rules). */
    public Uni<ExpiriesView> expiries(String vaultId) {
        Instant now = clock.now();
        return books.read(vaultId).map(row -> new ExpiriesView(now,
                ListingRules.expiries(now, Aggregates.vault(row).parameters())));
    }

    /** A parameter version in the audit trail. */
    public record PolicyChange(long version, Instant at, String actor, String reason, Map<String, String> changes) {
    }

    /**
     * The buffer: coverage is buffer / stress loss beyond LP capital (null when nothing is at risk).
     *
     * @param riskRepriced when oracle prices last repriced the book on the stress grid, and at what spot (null
     *                     until they have): the stress loss and the band are as of then or of the last trade
     * @param sizing       the latest sizing by simulation, or null if the buffer was never sized
     * @param policy       every parameter in force and its version
     */
    public record BufferView(Amount balance, Amount stressLoss, Double coverage, String riskLevel,
            Repriced riskRepriced, SizingView sizing, Map<String, Object> policy, Map<String, String> bounds,
            List<BufferMovement> history, List<PolicyChange> policyHistory) {
    }

    /**
     * A sizing by simulation as shown: its figures and inputs, who asked, and whether it is stale (why, or null).
     */
    public record SizingView(BufferSizing sizing, String requestedBy, String stale) {
    }

    /** A sizing as shown for a vault now. */
    public SizingView sizing(BufferSizing sizing, String requestedBy, VaultState vault, Instant now) {
        return new SizingView(sizing, requestedBy, sizing.staleness(vault, now, sizingInterval));
    }

    /** When and at what spot the book was last repriced on the stress grid. */
    public record Repriced(Instant at, Amount spot) {
    }

    /** Every parameter's hard bounds, which no change can leave: the same for every vault. */
    private static final Map<String, String> BOUNDS = java.util.Arrays.stream(Parameter.values()).collect(
            java.util.stream.Collectors.toMap(Parameter::key, Parameter::bounds, (a, b) -> a, LinkedHashMap::new));

    /** The insurance buffer of a vault: its balance, coverage and band, the policy, its history and the audit trail. */
    public Uni<BufferView> buffer(String vaultId) {
        return books.read(vaultId).chain(row -> valued(row).chain(v -> JournalRecord.bufferLines(vaultId)
                .chain(lines -> BufferSizingRecord.latest(vaultId).chain(sized -> ParameterChangeRecord
                        .ofVault(vaultId).map(changes -> {
                    VaultState s = v.vault();
                    Coverage coverage = s.coverage();
                    Repriced repriced = row.riskAssessedAt == null ? null
                            : new Repriced(row.riskAssessedAt, Amount.ofUnits(row.riskAssessedSpot));
                    SizingView sizing = sized == null ? null
                            : sizing(sized.sizing(), sized.requestedBy, s, v.now());
                    return new BufferView(s.balances().buffer(), coverage.stressLoss(),
                            coverage.reported(), s.riskLevel().name(), repriced, sizing, policy(s),
                            BOUNDS, bufferHistory(lines), changes.stream().map(c -> new PolicyChange(c.version, c.at,
                                    c.actor, c.reason, Aggregates.changes(c.changes))).toList());
                })))));
    }

    /** Every parameter in force as text, and its version. */
    public static Map<String, Object> policy(VaultState s) {
        Map<String, Object> policy = new LinkedHashMap<>(s.parameters().asText());
        policy.put("version", s.parameters().version());
        return policy;
    }
}
