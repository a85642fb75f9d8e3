package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code buyback}: contracts a holder sold back to the pool before expiry, inserted once. */
@Entity
@Table(name = "buyback")
public class BuybackRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String vault;
    public String owner;
    public String position;
    public String series;
    public long quantity;
    public long proceeds;
    public long fees;
    public long released;
    /** The bid taken, or null at market. */
    public String bid;
    public Instant at;
}
