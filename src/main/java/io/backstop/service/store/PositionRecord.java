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
    public long quantity;
    public long premium;
    public Long payout;
    public boolean paidOut;
    public Instant openedAt;

    /** A holder's positions, oldest first. */
    public static Uni<List<PositionRecord>> ofOwner(String owner) {
        return list("owner = ?1 order by openedAt, id", owner);
    }

    /**
     * The positions of one series, in the order they were opened, as the engine's positions and not as entities: a
     * settlement reads them all and writes their payouts back with {@link #recordPayouts}, and 100,000 entities in
     * the session would be checked for changes before each of its statements.
     */
    public static Uni<List<Position>> ofSeries(String vault, String series) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("select id, vault, owner, series, "
                + "quantity, premium, payout, paidOut from PositionRecord where vault = ?1 and series = ?2 order by id",
                Object[].class).setParameter(1, vault).setParameter(2, series).getResultList())
                .map(rows -> rows.stream().map(PositionRecord::position).toList());
    }

    private static Position position(Object[] r) {
        return new Position((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                Quantity.ofUnits((Long) r[4]), Amount.ofUnits((Long) r[5]), r[6] == null ? null
                : Amount.ofUnits((Long) r[6]), (Boolean) r[7]);
    }

    /** Writes settled positions' payouts and paid flags in one statement, whatever their number. */
    public static Uni<Void> recordPayouts(List<Position> settled) {
        return settled.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> payouts(session, settled).executeUpdate()).replaceWithVoid();
    }

    private static Mutiny.MutationQuery payouts(Mutiny.Session session, List<Position> settled) {
        String[] ids = new String[settled.size()];
        Long[] payouts = new Long[settled.size()];
        Boolean[] paid = new Boolean[settled.size()];
        for (int i = 0; i < settled.size(); i++) {
            Position p = settled.get(i);
            ids[i] = p.id();
            payouts[i] = p.payout() == null ? null : p.payout().units();
            paid[i] = p.paidOut();
        }
        // Three array parameters, however many positions: the statement's text and its parsing stay the same.
        return session.createNativeQuery("UPDATE position SET payout = v.payout, paid_out = v.paid FROM "
                + "unnest(CAST(?1 AS text[]), CAST(?2 AS bigint[]), CAST(?3 AS boolean[])) AS v(id, payout, paid) "
                + "WHERE position.id = v.id").setParameter(1, ids).setParameter(2, payouts).setParameter(3, paid);
    }
}
