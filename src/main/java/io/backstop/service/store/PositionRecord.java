package io.backstop.service.store;

import io.backstop.vault.quote.Position;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import org.hibernate.reactive.mutiny.Mutiny;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

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

    /** Rows per statement of {@link #recordPayouts}: 3 parameters each, far under PostgreSQL's 65,535. */
    static final int ROWS_PER_STATEMENT = 5_000;

    /** A holder's positions, oldest first. */
    public static Uni<List<PositionRecord>> ofOwner(String owner) {
        return list("owner = ?1 order by openedAt, id", owner);
    }

    /**
     * The positions of one series, in the order they were opened, read-only: a settlement reads them all and
     * writes their payouts back with {@link #recordPayouts}, so the session need not watch 100,000 rows for
     * changes.
     */
    public static Uni<List<PositionRecord>> ofSeries(String vault, String series) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from PositionRecord where vault = ?1 and series = ?2 order by id", PositionRecord.class)
                .setParameter(1, vault).setParameter(2, series).setReadOnly(true).getResultList());
    }

    /**
     * Writes settled positions' payouts and paid flags, a run of rows per statement ({@code UPDATE … FROM
     * (VALUES …)}) rather than a statement per position.
     */
    public static Uni<Void> recordPayouts(List<Position> settled) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (int from = 0; from < settled.size(); from += ROWS_PER_STATEMENT) {
            List<Position> run = settled.subList(from, Math.min(settled.size(), from + ROWS_PER_STATEMENT));
            written = written.chain(() -> Panache.getSession().chain(session -> payouts(session, run)
                    .executeUpdate())).replaceWithVoid();
        }
        return written;
    }

    private static Mutiny.MutationQuery payouts(Mutiny.Session session, List<Position> run) {
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>(run.size() * 3);
        for (Position p : run) {
            int n = parameters.size();
            values.append(n == 0 ? "" : ", ").append("(CAST(?").append(n + 1).append(" AS text), CAST(?")
                    .append(n + 2).append(" AS bigint), CAST(?").append(n + 3).append(" AS boolean))");
            parameters.add(p.id());
            parameters.add(p.payout() == null ? null : p.payout().units());
            parameters.add(p.paidOut());
        }
        Mutiny.MutationQuery query = session.createNativeQuery("UPDATE position SET payout = v.payout, "
                + "paid_out = v.paid FROM (VALUES " + values + ") AS v(id, payout, paid) WHERE position.id = v.id");
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
