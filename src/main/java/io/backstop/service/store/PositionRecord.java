package io.backstop.service.store;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.Position;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** A row of {@code position}: a trader's long position from one trade. */
@Entity
@Table(name = "position")
public class PositionRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String vault;
    public String owner;
    public String series;
    /** Contracts still held. */
    public long quantity;
    /** The premium of the contracts still held. */
    public long premium;
    /** Contracts the trade bought. */
    public long bought;
    /** The premium the trade paid. */
    public long paid;
    public Instant openedAt;

    /** The cursor's instant before every row: the first page (with kind "~", after every kind, and id ""). */
    public static final Instant FIRST_PAGE = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * A trader's history, newest first: each buy (when the position opened, what it bought and paid), each sale
     * back to the pool (when, the quantity sold, the proceeds) and each payout (when its series settled, the
     * amount), at most {@code limit} rows strictly before the cursor ({@code at}, {@code kind}, {@code id};
     * {@link #FIRST_PAGE} for the first page). Each row: kind, instant as ISO text, trade id (the position's for its
     * buy and payout, the buyback's for a sale), position id, vault, series, quantity, amount.
     */
    public static Uni<List<Object[]>> history(String owner, Instant beforeAt, String beforeKind, String beforeId,
            int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("SELECT kind, "
                + "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id, position, vault, "
                + "series, quantity, amount FROM (SELECT 'BUY' AS kind, p.opened_at AS at, p.id, p.id AS position, "
                + "p.vault, p.series, p.bought AS quantity, p.paid AS amount FROM position p WHERE p.owner = ?1 "
                + "UNION ALL SELECT 'PAYOUT', s.settled_at, p.id, p.id, p.vault, p.series, p.quantity, o.amount "
                + "FROM position p JOIN payout o ON o.position = p.id "
                + "JOIN settlement s ON s.vault = p.vault AND s.series = p.series "
                + "WHERE p.owner = ?1 AND o.amount > 0 "
                + "UNION ALL SELECT 'SELL', b.at, b.id, b.position, b.vault, b.series, b.quantity, b.proceeds "
                + "FROM buyback b WHERE b.owner = ?1) h "
                + "WHERE (h.at, h.kind, h.id) < (CAST(?2 AS timestamptz), CAST(?3 AS text), CAST(?4 AS text)) "
                + "ORDER BY h.at DESC, h.kind DESC, h.id DESC LIMIT ?5", Object[].class)
                .setParameter(1, owner).setParameter(2, OffsetDateTime.ofInstant(beforeAt, ZoneOffset.UTC))
                .setParameter(3, beforeKind)
                .setParameter(4, beforeId).setParameter(5, limit).getResultList());
    }

    /** The vault a position is in, or null if there is no such position. */
    public static Uni<String> vaultOf(String id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select p.vault from PositionRecord p where p.id = ?1", String.class).setParameter(1, id)
                .getSingleResultOrNull());
    }

    /** A position with what it receives once its series has settled ({@code null} before). */
    public record Held(PositionRecord position, PayoutRecord payout) {
    }

    /** A holder's positions with their payouts, oldest first. */
    public static Uni<List<Held>> ofOwner(String owner) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select p, o from PositionRecord p "
                + "left join PayoutRecord o on o.position = p.id where p.owner = ?1 order by p.openedAt, p.id",
                Object[].class).setParameter(1, owner).getResultList())
                .map(rows -> rows.stream().map(r -> new Held((PositionRecord) r[0], (PayoutRecord) r[1])).toList());
    }

    /**
     * The positions of one series still holding contracts (one sold back whole has nothing to settle), in the order
     * they were opened, as the engine's positions and not as entities: a
     * settlement reads them all and writes their payouts with {@link #recordPayouts}, and 100,000 entities in the
     * session would be checked for changes before each of its statements.
     */
    public static Uni<List<Position>> ofSeries(String vault, String series) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select p.id, p.vault, p.owner, "
                + "p.series, p.quantity, p.premium, o.amount, o.paidOut from PositionRecord p "
                + "left join PayoutRecord o on o.position = p.id where p.vault = ?1 and p.series = ?2 "
                + "and p.quantity > 0 order by p.id",
                Object[].class).setParameter(1, vault).setParameter(2, series).getResultList())
                .map(rows -> rows.stream().map(PositionRecord::position).toList());
    }

    private static Position position(Object[] r) {
        return new Position((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                Quantity.ofUnits((Long) r[4]), Amount.ofUnits((Long) r[5]), r[6] == null ? null
                : Amount.ofUnits((Long) r[6]), Boolean.TRUE.equals(r[7]));
    }

    /**
     * Inserts a settled series' payouts, one row per position with its amount and paid flag, in one statement
     * whatever their number; a position that already has a payout fails it (and the settlement's transaction).
     */
    public static Uni<Void> recordPayouts(String vault, String series, List<Position> settled) {
        return settled.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> payouts(session, vault, series, settled).executeUpdate())
                        .replaceWithVoid();
    }

    private static Mutiny.MutationQuery payouts(Mutiny.Session session, String vault, String series,
            List<Position> settled) {
        String[] ids = new String[settled.size()];
        Long[] amounts = new Long[settled.size()];
        Boolean[] paid = new Boolean[settled.size()];
        for (int i = 0; i < settled.size(); i++) {
            Position p = settled.get(i);
            ids[i] = p.id();
            amounts[i] = p.payout().units();
            paid[i] = p.paidOut();
        }
        // Three array parameters, however many positions: the statement's text and its parsing stay the same.
        return session.createNativeQuery("INSERT INTO payout (position, vault, series, amount, paid_out) "
                + "SELECT v.id, ?1, ?2, v.amount, v.paid FROM unnest(CAST(?3 AS text[]), CAST(?4 AS bigint[]), "
                + "CAST(?5 AS boolean[])) AS v(id, amount, paid)").setParameter(1, vault).setParameter(2, series)
                .setParameter(3, ids).setParameter(4, amounts).setParameter(5, paid);
    }
}
