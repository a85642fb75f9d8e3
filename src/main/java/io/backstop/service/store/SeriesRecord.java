package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

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

    /** The primary key. */
    public record Key(String vault, String id) implements Serializable {
    }
}
