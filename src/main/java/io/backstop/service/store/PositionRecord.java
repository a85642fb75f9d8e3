package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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

    /** A holder's positions, oldest first. */
    public static Uni<List<PositionRecord>> ofOwner(String owner) {
        return list("owner = ?1 order by openedAt, id", owner);
    }

    /** The positions of one series, in the order they were opened. */
    public static Uni<List<PositionRecord>> ofSeries(String vault, String series) {
        return list("vault = ?1 and series = ?2 order by id", vault, series);
    }
}
