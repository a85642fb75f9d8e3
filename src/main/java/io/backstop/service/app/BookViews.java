package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.EventRecord;
import io.backstop.service.store.LpAccountRecord;
import io.backstop.service.store.PositionRecord;
import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.SettlementRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.PositionMark;
import io.backstop.vault.settlement.SettlementReport;
import io.backstop.vault.shares.LpStatement;
import io.backstop.vault.shares.QueuedWithdrawal;
import io.backstop.vault.shares.SharePrice;
import io.backstop.vault.shares.Shares;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read models of a vault's options book and of its holders: series with their marks and status, settlement
 * reports, a trader's positions, an LP's account. Each reads inside the caller's session; 404 for a vault that does
 * not exist.
 */
@ApplicationScoped
public class BookViews {

    /** A series: open interest, collateral, mark per contract and iv while live; price once settled. */
    public record SeriesView(String seriesId, String type, Amount strike, Instant expiry, Quantity openInterest,
            Amount locked, String status, Amount mark, Double iv, Amount settlementPrice, String pendingReason) {
    }

    /**
     * A settlement report: what the holders claimed, what each layer of the waterfall paid, what was lost.
     *
     * @param forcedReason why an operator set the price by hand, or null when the oracle's price settled it
     */
    public record SettlementView(String seriesId, Amount price, Amount claims, Amount paid, Amount fromLocked,
            Amount fromLpCapital, Amount fromBuffer, Amount socialisedLoss, double payoutRatio, Instant settledAt,
            String forcedReason) {
    }

    /**
     * A position: OPEN, CLOSED (sold back whole), SETTLED (payout owed) or PAID; {@code quantity} and
     * {@code premium} are what it still holds and paid for that, {@code bought} and {@code paid} what its trade
     * bought and paid; while open, its mark at the vault's last price with its
     * unrealised P&L and the holder's Greeks (null without a price); once settled, the payout and the series'
     * payout ratio.
     */
    public record PositionView(String id, String vault, String seriesId, Quantity quantity, Amount premium,
            Quantity bought, Amount paid, String status, PositionMark mark, Amount payout, Double payoutRatio) {
    }

    /** An LP's shares and what they are worth at NAV. */
    public record AccountView(Shares shares, Amount value, Shares queuedShares, Amount queuedValue,
            List<QueuedView> queue, LpStatement statement, List<Movement> history) {
    }

    /** A queued withdrawal of the LP's: its shares, its place in the vault's queue (1 is next) and value now. */
    public record QueuedView(Shares shares, int place, Instant queuedAt, Amount value) {
    }

    /**
     * A movement of the LP's: {@code DEPOSIT}, {@code WITHDRAWAL} (paid, net of {@code exitFee}), {@code QUEUED} or
     * {@code CANCELLED}; amounts null where none moved.
     */
    public record Movement(String type, Instant at, Amount amount, Shares shares, Amount exitFee) {
    }

    private final VaultViews views;
    private final VaultBooks books;

    public BookViews(VaultViews views, VaultBooks books) {
        this.views = views;
        this.books = books;
    }

    /** A page of a vault's series, in expiry order; {@code next} is the cursor of the page after it, null on the last. */
    public record SeriesPage(List<SeriesView> series, String next) {
    }

    /**
     * The vault's series expiring from {@code from} (inclusive) to {@code to} (exclusive), in expiry order,
     * {@code limit} at a time after {@code cursor} (null for the first page), each marked at the vault's valuation
     * price and instant.
     */
    public Uni<SeriesPage> series(String vaultId, Instant from, Instant to, String cursor, int limit) {
        PageCursor after = cursor == null ? new PageCursor(Instant.EPOCH, "") : PageCursor.of(cursor, 1);
        return views.valued(vaultId).chain(v -> SeriesRecord.page(vaultId, from, to, after.at(), after.tie(0),
                limit + 1).map(rows -> {
                    List<SeriesView> page = rows.stream().limit(limit).map(row -> series(v, row)).toList();
                    SeriesView last = rows.size() > limit ? page.get(limit - 1) : null;
                    return new SeriesPage(page, last == null ? null
                            : new PageCursor(last.expiry(), last.seriesId()).token());
                }));
    }

    private static SeriesView series(VaultViews.Valued v, SeriesRecord row) {
        SeriesBook book = Aggregates.seriesBook(v.vault(), row);
        VaultViews.Mark mark = VaultViews.mark(v, book);
        return new SeriesView(row.id, row.optionType.toLowerCase(), book.series().strike(), row.expiry,
                book.openInterest(), book.locked(), seriesStatus(book, row.pendingReason),
                mark == null ? null : Amount.of(mark.value(), Rounding.DOWN), mark == null ? null : mark.iv(),
                book.settlementPrice(), row.pendingReason);
    }

    /** A page of a vault's settlement reports, oldest first; {@code next} as for {@link SeriesPage}. */
    public record SettlementPage(List<SettlementView> settlements, String next) {
    }

    /**
     * The vault's settlement reports made from {@code from} (inclusive) to {@code to} (exclusive), oldest first,
     * {@code limit} at a time after {@code cursor} (null for the first page).
     */
    public Uni<SettlementPage> settlements(String vaultId, Instant from, Instant to, String cursor, int limit) {
        PageCursor after = cursor == null ? new PageCursor(Instant.EPOCH, "") : PageCursor.of(cursor, 1);
        return books.read(vaultId).chain(v -> SettlementRecord.page(vaultId, from, to, after.at(), after.tie(0),
                limit + 1).map(rows -> {
                    List<SettlementView> page = rows.stream().limit(limit).map(BookViews::settlement).toList();
                    SettlementView last = rows.size() > limit ? page.get(limit - 1) : null;
                    return new SettlementPage(page, last == null ? null
                            : new PageCursor(last.settledAt(), last.seriesId()).token());
                }));
    }

    /** A report just made, as {@link #settlements} will show it (its time is the row's, not yet known here). */
    public static SettlementView settlement(SettlementReport r) {
        return new SettlementView(r.series(), r.settlementPrice(), r.claims(), r.paid(), r.fromLocked(),
                r.fromLpCapital(), r.fromBuffer(), r.socialisedLoss(), r.payoutRatio(), null, null);
    }

    /**
     * One entry of a trader's history: a {@code BUY} (the contracts bought, the premium paid), a {@code SELL} back
     * to the pool (the contracts sold, the proceeds) or a {@code PAYOUT} (the contracts settled, the amount
     * received); {@code tradeId} names the buy or the sale.
     */
    public record TradeEntry(String kind, Instant at, String tradeId, String positionId, String vault,
            String seriesId, Quantity quantity, Amount amount) {
    }

    /**
     * A page of a trader's history, newest first; {@code next} is the cursor of the page after it, null on the
     * last.
     */
    public record TradePage(List<TradeEntry> trades, String next) {
    }

    /**
     * A trader's buys, sales back and payouts across vaults, newest first, {@code limit} at a time after
     * {@code cursor} (null for the first page). A cursor is opaque to the client: the last entry's instant, kind and
     * trade, encoded.
     */
    public Uni<TradePage> trades(String owner, String cursor, int limit) {
        PageCursor before = cursor == null ? new PageCursor(PositionRecord.FIRST_PAGE, "~", "")
                : PageCursor.of(cursor, 2);
        return PositionRecord.history(owner, before.at(), before.tie(0), before.tie(1), limit + 1).map(rows -> {
            List<TradeEntry> entries = rows.stream().limit(limit).map(r -> new TradeEntry((String) r[0],
                    Instant.parse((String) r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    Quantity.ofUnits(((Number) r[6]).longValue()), Amount.ofUnits(((Number) r[7]).longValue())))
                    .toList();
            TradeEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            String next = rows.size() <= limit ? null : new PageCursor(last.at(), last.kind(), last.tradeId()).token();
            return new TradePage(entries, next);
        });
    }

    /** A trader's positions across vaults, in the order they were opened, marked at each vault's last price. */
    public Uni<List<PositionView>> positions(String owner) {
        return PositionRecord.ofOwner(owner).chain(rows -> {
            List<String> vaults = rows.stream().map(h -> h.position().vault).distinct().toList();
            Map<String, VaultViews.Valued> valued = new HashMap<>();
            Map<String, Double> ratios = new HashMap<>();
            return Multi.createFrom().iterable(vaults)
                    .onItem().transformToUniAndConcatenate(vault -> views.valued(vault)
                            .invoke(v -> valued.put(vault, v))
                            .chain(() -> SettlementRecord.ofVault(vault)).invoke(settled -> settled.forEach(
                                    r -> ratios.put(vault + "/" + r.series, r.payoutRatio))))
                    .collect().last()
                    .map(ignored -> rows.stream().map(h -> position(h, valued.get(h.position().vault),
                            ratios.get(h.position().vault + "/" + h.position().series))).toList());
        });
    }

    /**
     * An LP's account in a vault: shares held and their value at the share price now, what is still queued (each
     * with its place in the queue), their movements, and the statement (deposited, withdrawn, current value of
     * held and queued shares, P&L and the simple return on what was put in). Empty if they never deposited.
     */
    public Uni<AccountView> account(String vaultId, String owner) {
        return views.valued(vaultId).chain(v -> LpAccountRecord.of(vaultId, owner).chain(row -> EventRecord
                .lpMovements(vaultId, owner).map(rows -> {
                    SharePrice price = v.sharePrice();
                    Shares shares = Shares.ofUnits(row == null ? 0 : row.shares);
                    List<QueuedView> queue = new ArrayList<>();
                    Shares queued = Shares.ZERO;
                    List<QueuedWithdrawal> waiting = v.vault().withdrawalQueue();
                    for (int i = 0; i < waiting.size(); i++) {
                        QueuedWithdrawal q = waiting.get(i);
                        if (q.owner().equals(owner)) {
                            queue.add(new QueuedView(q.shares(), i + 1, q.queuedAt(), price.valueOf(q.shares())));
                            queued = queued.plus(q.shares());
                        }
                    }
                    List<Movement> history = rows.stream().map(BookViews::movement).toList();
                    Amount deposited = total(history, "DEPOSIT");
                    Amount withdrawn = total(history, "WITHDRAWAL");
                    Amount value = price.valueOf(shares);
                    Amount queuedValue = price.valueOf(queued);
                    return new AccountView(shares, value, queued, queuedValue, queue,
                            LpStatement.of(deposited, withdrawn, value.plus(queuedValue)), history);
                })));
    }

    private static Movement movement(Object[] r) {
        String type = switch ((String) r[0]) {
            case "DepositMade" -> "DEPOSIT";
            case "WithdrawalPaid" -> "WITHDRAWAL";
            case "WithdrawalQueued" -> "QUEUED";
            default -> "CANCELLED";
        };
        return new Movement(type, Instant.parse((String) r[1]), r[2] == null ? null : Amount.parse((String) r[2]),
                r[3] == null ? null : Shares.parse((String) r[3]), r[4] == null ? null : Amount.parse((String) r[4]));
    }

    private static Amount total(List<Movement> history, String type) {
        Amount sum = Amount.ZERO;
        for (Movement m : history) {
            if (m.type().equals(type) && m.amount() != null) {
                sum = sum.plus(m.amount());
            }
        }
        return sum;
    }

    private static SettlementView settlement(SettlementRecord r) {
        return new SettlementView(r.series, Amount.ofUnits(r.price), Amount.ofUnits(r.claims), Amount.ofUnits(r.paid),
                Amount.ofUnits(r.fromLocked), Amount.ofUnits(r.fromLpCapital), Amount.ofUnits(r.fromBuffer),
                Amount.ofUnits(r.socialisedLoss), r.payoutRatio, r.settledAt, r.forcedReason);
    }

    /** A series' status: SETTLED once settled, PENDING while expired and waiting (with its reason), else LIVE. */
    static String seriesStatus(SeriesBook book, String pendingReason) {
        return book.isSettled() ? "SETTLED" : pendingReason != null ? "PENDING" : "LIVE";
    }

    private static PositionView position(PositionRecord.Held held, VaultViews.Valued v, Double payoutRatio) {
        PositionRecord p = held.position();
        Position position = Aggregates.position(p, held.payout());
        PositionMark mark = null;
        if (!position.isSettled() && !position.isClosed() && v != null && v.price() != null) {
            mark = v.unsettled().stream().filter(b -> b.id().equals(p.series)).findFirst()
                    .map(b -> PositionMark.of(b.series(), position.quantity(), position.premium(),
                            MarketSnapshot.at(v.price().price().toDouble()), v.vault().parameters(), v.now()))
                    .orElse(null);
        }
        return new PositionView(p.id, p.vault, p.series, position.quantity(), position.premium(),
                Quantity.ofUnits(p.bought), Amount.ofUnits(p.paid), positionStatus(position), mark,
                position.payout(), position.isSettled() ? payoutRatio : null);
    }

    /**
     * A position's status: OPEN until its series settles, then SETTLED while its payout is owed, then PAID; CLOSED
     * once every contract was sold back.
     */
    static String positionStatus(Position position) {
        return position.isSettled() ? (position.paidOut() ? "PAID" : "SETTLED")
                : position.isClosed() ? "CLOSED" : "OPEN";
    }
}
