package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A row of {@code journal}: one posting of a balanced entry. Inserted, never updated (a trigger enforces it). */
@Entity
@Table(name = "journal")
public class JournalRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long entry;
    public String vault;
    public Instant at;
    public String memo;
    public String account;
    public String series;
    public String side;
    public long amount;

    /** The postings to a vault's insurance buffer, in journal order. */
    public static Uni<List<JournalRecord>> bufferLines(String vault) {
        return list("vault = ?1 and account = 'BUFFER' order by id", vault);
    }
}
