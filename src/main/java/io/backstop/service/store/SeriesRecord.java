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

/** A row of {@code option_series}: one series' book in one vault. */
@Entity
@Table(name = "option_series")
@IdClass(SeriesRecord.Key.class)
public class SeriesRecord extends PanacheEntityBase {
    @Id
    public String vault;
    @Id
    public String id;
    public String optionType;
    public long strike;
    public Instant expiry;
    public long openInterest;
    public long locked;
    public String stressValues;
    public Long settlementPrice;
    public String pendingReason;

    /**
     * The series due for settlement at {@code now}: expired and without a settlement price, earliest expiry first.
     *
     * @param onlyVault the vault to look in, or null for every vault
     */
    public static Uni<List<SeriesRecord>> due(Instant now, String onlyVault) {
        return onlyVault == null ? list("settlementPrice is null and expiry <= ?1 order by expiry", now)
                : list("settlementPrice is null and expiry <= ?1 and vault = ?2 order by expiry", now, onlyVault);
    }

    /** The primary key. */
    public record Key(String vault, String id) implements Serializable {
    }

    /**
     * At most {@code limit} of a vault's series expiring in [{@code from}, {@code to}), in expiry order, after the
     * series {@code afterId} expiring at {@code afterExpiry}.
     */
    public static Uni<List<SeriesRecord>> page(String vault, Instant from, Instant to, Instant afterExpiry,
            String afterId, int limit) {
        return find("vault = ?1 and expiry >= ?2 and expiry < ?3 and (expiry > ?4 or (expiry = ?4 and id > ?5)) "
                + "order by expiry, id", vault, from, to, afterExpiry, afterId).range(0, limit - 1).list();
    }

    /** A vault's series not settled yet: live, or expired and pending. */
    public static Uni<List<SeriesRecord>> unsettledOf(String vault) {
        return list("vault = ?1 and settlementPrice is null", vault);
    }
}
