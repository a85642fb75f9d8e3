package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of {@code idempotency_key}: the first response to a money-moving request, per subject and key. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    public String subject;
    @Id
    public String key;
    public String requestHash;
    public int status;
    public String body;
    public Instant createdAt;

    /** The primary key. */
    public record Key(String subject, String key) implements Serializable {
    }
}
