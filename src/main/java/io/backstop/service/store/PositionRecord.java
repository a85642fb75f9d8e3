package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
