package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of {@code parameter_change}: the governance audit trail, one row per parameter version. */
@Entity
@Table(name = "parameter_change")
@IdClass(ParameterChangeRecord.Key.class)
public class ParameterChangeRecord extends PanacheEntityBase {
    @Id
    public String vault;
    @Id
    public long version;
    public String actor;
    public String reason;
    public String changes;
    public Instant at;

    /** The primary key. */
    public record Key(String vault, long version) implements Serializable {
    }
}
