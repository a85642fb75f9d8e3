package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A row of {@code quote}: an offer made to one trader, taken at most once; the pool's offer to sell (a quote,
 * {@code position} null) or to buy back from a position (a bid).
 */
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
    public long parametersVersion;
    /** The position a bid buys from; null for a quote. */
    public String position;

    /** {@code count} fresh quote numbers from {@code quote_number}, each unique across every instance. */
    public static Uni<List<Long>> numbers(int count) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT nextval('quote_number') FROM generate_series(1, ?1)", Long.class)
                .setParameter(1, count).getResultList());
    }
}
