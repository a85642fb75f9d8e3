package io.backstop.service.app;

import io.backstop.service.BackstopConfig;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.BookAppend;
import io.backstop.service.store.OraclePriceRecord;
import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Outcome;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultEvent;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.JournalEntry;
import io.backstop.vault.ledger.Posting;
import io.backstop.vault.oracle.OracleLimits;
import io.backstop.vault.oracle.OraclePrices;
import io.backstop.vault.oracle.PriceObservation;
import io.backstop.vault.oracle.RecentPrices;
import io.backstop.vault.quote.OptionSeries;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every command shares, inside its transaction: the vault row locked ({@code SELECT … FOR UPDATE}, the one
 * serialisation point per vault), the market from the oracle, and the engine's outcome written back — the
 * aggregate's row, the journal's postings and the events into the outbox. Rejections become {@link CommandRefused}s,
 * which roll the transaction back.
 */
@ApplicationScoped
public class VaultBooks {

    private final JsonText json;
    private final OracleLimits limits;

    public VaultBooks(JsonText json, BackstopConfig config) {
        this.json = json;
        BackstopConfig.Oracle o = config.oracle();
        this.limits = new OracleLimits(o.maxPriceJump(), o.maxPriceAge(), o.settlementWindow(), o.minimumPrices(),
                o.jumpWindow());
    }

    /** The oracle limits in force. */
    public OracleLimits limits() {
        return limits;
    }

    /** The vault's row, locked until the transaction ends; 404 if there is no such vault. */
    public Uni<VaultRecord> lock(String vaultId) {
        return VaultRecord.<VaultRecord>findById(vaultId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> noVault(vaultId));
    }

    /** The vault's row without a lock, for reads; 404 if there is no such vault. */
    public Uni<VaultRecord> read(String vaultId) {
        return VaultRecord.<VaultRecord>findById(vaultId).onItem().ifNull().failWith(() -> noVault(vaultId));
    }

    /** The refusal of a command or a read naming a vault that does not exist: 404. */
    public static CommandRefused noVault(String vaultId) {
        return CommandRefused.of(Refusal.NOT_FOUND, "no vault '" + vaultId + "'");
    }

    /**
     * The vault's series not settled yet (live or expired and pending), in book order: valued in that order, a
     * strike's call and put share their pricing.
     */
    public Uni<List<SeriesBook>> unsettled(VaultState vault) {
        return SeriesRecord.unsettledOf(vault.id()).map(rows -> inBookOrder(vault, rows));
    }

    /** Series rows of a vault as its books, in book order. */
    public static List<SeriesBook> inBookOrder(VaultState vault, List<SeriesRecord> rows) {
        return rows.stream().map(r -> Aggregates.seriesBook(vault, r))
                .sorted(Comparator.comparing(SeriesBook::series, OptionSeries.BOOK_ORDER)).toList();
    }

    /** The last accepted price of an underlying, or null. */
    public Uni<PriceObservation> lastPrice(String underlying) {
        return OraclePriceRecord.latest(underlying).map(r -> r == null ? null : Aggregates.observation(r));
    }

    /**
     * The prices a report at {@code at} is judged against: the last accepted one, and the range of those accepted
     * since {@code at} less the jump window.
     */
    public Uni<RecentPrices> recentPrices(String underlying, Instant at) {
        return lastPrice(underlying).chain(last -> last == null ? Uni.createFrom().item(RecentPrices.NONE)
                : OraclePriceRecord.rangeSince(underlying, at.minus(limits.jumpWindow()))
                        .map(range -> RecentPrices.of(last, range[0], range[1])));
    }

    /** The market a command runs against: the last fresh oracle price; 409 {@code no-price} otherwise. */
    public Uni<MarketSnapshot> market(VaultState vault, Instant now) {
        return lastPrice(vault.underlying()).map(last -> market(last, now));
    }

    /** The market at the last accepted price {@code last} (null if none), if it is fresh; 409 {@code no-price} else. */
    public MarketSnapshot market(PriceObservation last, Instant now) {
        return MarketSnapshot.at(accepted(OraclePrices.spot(last, now, limits)).toDouble());
    }

    /**
     * The mark-to-market of the vault's unsettled series at the oracle's spot; with nothing outstanding it needs no
     * price.
     */
    public Uni<Valuation> valuation(VaultState vault, Instant now) {
        return unsettled(vault).chain(series -> series.isEmpty() ? Uni.createFrom().item(Valuation.NONE)
                : market(vault, now).map(market -> Valuation.of(series, market, vault.parameters(), now)));
    }

    /**
     * Reprices the locked vault's unsettled series on the stress grid at {@code market} and moves its band (the
     * engine's {@code reassessRisk}; {@code simulatedStressLoss} null keeps the last), writing the series' stress
     * values, the vault and its events; inside the vault's transaction.
     */
    public Uni<VaultState> reassess(VaultRecord row, MarketSnapshot market, Amount simulatedStressLoss,
            Instant now) {
        VaultState vault = Aggregates.vault(row);
        return SeriesRecord.unsettledOf(vault.id()).chain(rows -> {
            Map<String, SeriesRecord> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id, r));
            Outcome<VaultEngine.RiskResult> outcome = VaultEngine.reassessRisk(vault, inBookOrder(vault, rows),
                    market, simulatedStressLoss, now);
            VaultEngine.RiskResult result = accepted(outcome);
            result.series().forEach(book -> Aggregates.write(book, byId.get(book.id())));
            return record(row, result.vault(), outcome).replaceWith(result.vault());
        });
    }

    /** The result of an accepted outcome. @throws CommandRefused with the engine's rejection otherwise */
    public static <T> T accepted(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Rejected<T> rejected) {
            throw CommandRefused.of(rejected.rejection());
        }
        return outcome.result();
    }

    /** Stores a row the command created; a row it loaded is managed by the session and is written at commit. */
    public static Uni<?> saveIfNew(PanacheEntityBase row, boolean created) {
        return created ? row.persist() : Uni.createFrom().item(row);
    }

    /** Writes the vault's new state into its row and appends the outcome's journal entries and events. */
    public Uni<Void> record(VaultRecord row, VaultState after, Outcome<?> outcome) {
        Aggregates.write(after, row);
        return append(outcome.journal(), outcome.events());
    }

    /**
     * Appends journal entries (one row per posting, one entry number per entry, numbers ascending in the order
     * given) and events to the outbox, in one statement.
     */
    public Uni<Void> append(List<JournalEntry> journal, List<VaultEvent> events) {
        BookAppend append = new BookAppend();
        for (JournalEntry entry : journal) {
            append.entry();
            for (Posting p : entry.postings()) {
                append.posting(entry.vault(), entry.at(), entry.memo(), p.account().kind().name(),
                        p.account().series(), p.side().name(), p.amount().units());
            }
        }
        for (VaultEvent event : events) {
            append.event(event.vault(), event.at(), event.getClass().getSimpleName(), json.of(event),
                    json.of(event.withoutIdentities()));
        }
        return append.write();
    }
}
