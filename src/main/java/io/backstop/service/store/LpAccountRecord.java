package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of {@code lp_account}: one LP's shares in one vault. */
@Entity
@Table(name = "lp_account")
@IdClass(LpAccountRecord.Key.class)
public class LpAccountRecord extends PanacheEntityBase {
    @Id
    public String vault;
    @Id
    public String owner;
    public long shares;

    /** The primary key. */
    public record Key(String vault, String owner) implements Serializable {
    }

    /** An LP's account in a vault, or null before its first deposit. */
    public static Uni<LpAccountRecord> of(String vault, String owner) {
        return findById(new Key(vault, owner));
    }
}
