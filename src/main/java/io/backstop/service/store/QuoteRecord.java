package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code quote}: an offer made to one trader, taken at most once. */
@Entity
@Table(name = "quote")
public class QuoteRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String vault;
    public String owner;
    public String optionType;
    public long strike;
    public Instant expiry;
    public long quantity;
    public double spot;
    public double iv;
    public long theoretical;
    public long spread;
    public long fees;
    public long bufferContribution;
    public long treasury;
    public long collateral;
    public Instant issuedAt;
    public Instant validUntil;
    public boolean taken;
}
