package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A row of {@code vault_history}: a vault's state at the start of one minute. */
@Entity
@Table(name = "vault_history")
@IdClass(VaultHistoryRecord.Key.class)
public class VaultHistoryRecord extends PanacheEntityBase {
    @Id
    public String vault;
    @Id
    public Instant at;
    /** The last price, or null before the oracle's first. */
    public Long spot;
    public long nav;
    public BigDecimal sharePrice;
    public double utilization;
    public long buffer;
    public long stressLoss;
    /** Null when nothing is at risk. */
    public Double coverage;
    public String riskLevel;

    /** The primary key. */
    public record Key(String vault, Instant at) implements Serializable {
    }

    /**
     * Records a sample as its minute's: the first of the minute inserts the row, later ones (this instance's or
     * another's) bring it up to date, so each minute keeps the state it closed on.
     */
    public static Uni<Void> record(VaultHistoryRecord r) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO vault_history (vault, at, "
                + "spot, nav, share_price, utilization, buffer, stress_loss, coverage, risk_level) VALUES (?1, ?2, ?3, "
                + "?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (vault, at) DO UPDATE SET spot = EXCLUDED.spot, "
                + "nav = EXCLUDED.nav, share_price = EXCLUDED.share_price, utilization = EXCLUDED.utilization, "
                + "buffer = EXCLUDED.buffer, stress_loss = EXCLUDED.stress_loss, coverage = EXCLUDED.coverage, "
                + "risk_level = EXCLUDED.risk_level")
                .setParameter(1, r.vault).setParameter(2, OffsetDateTime.ofInstant(r.at, ZoneOffset.UTC))
                .setParameter(3, r.spot).setParameter(4, r.nav).setParameter(5, r.sharePrice)
                .setParameter(6, r.utilization).setParameter(7, r.buffer).setParameter(8, r.stressLoss)
                .setParameter(9, r.coverage).setParameter(10, r.riskLevel).executeUpdate()).replaceWithVoid();
    }

    /** At most {@code limit} samples of a vault in [{@code from}, {@code to}), oldest first, after {@code after}. */
    public static Uni<List<VaultHistoryRecord>> page(String vault, Instant from, Instant to, Instant after,
            int limit) {
        return find("vault = ?1 and at >= ?2 and at < ?3 and at > ?4 order by at", vault, from, to, after)
                .range(0, limit - 1).list();
    }
}
