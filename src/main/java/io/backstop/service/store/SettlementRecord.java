package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A row of {@code settlement}: the waterfall's report for one series. */
@Entity
@Table(name = "settlement")
@IdClass(SettlementRecord.Key.class)
public class SettlementRecord extends PanacheEntityBase {
    @Id
    public String vault;
    @Id
    public String series;
    public long price;
    public long claims;
    public long paid;
    public long fromLocked;
    public long fromLpCapital;
    public long fromBuffer;
    public long socialisedLoss;
    public double payoutRatio;
    public Instant settledAt;
    /** The operator who set the price by hand, and why; null when the oracle's price settled it. */
    public String forcedBy;
    public String forcedReason;

    /** The primary key. */
    public record Key(String vault, String series) implements Serializable {
    }

    /** A vault's settlement reports, oldest first. */
    public static Uni<List<SettlementRecord>> ofVault(String vault) {
        return list("vault = ?1 order by settledAt, series", vault);
    }

    /**
     * At most {@code limit} of a vault's settlement reports made in [{@code from}, {@code to}), oldest first, after
     * the one of series {@code afterSeries} made at {@code afterAt}.
     */
    public static Uni<List<SettlementRecord>> page(String vault, Instant from, Instant to, Instant afterAt,
            String afterSeries, int limit) {
        return find("vault = ?1 and settledAt >= ?2 and settledAt < ?3 and (settledAt > ?4 or (settledAt = ?4 "
                + "and series > ?5)) order by settledAt, series", vault, from, to, afterAt, afterSeries)
                .range(0, limit - 1).list();
    }
}
