package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
