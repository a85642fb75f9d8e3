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

    /** A vault's parameter versions, oldest first: the governance audit trail. */
    public static Uni<List<ParameterChangeRecord>> ofVault(String vault) {
        return list("vault = ?1 order by version", vault);
    }
}
