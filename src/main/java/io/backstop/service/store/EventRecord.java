package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code vault_event}: a domain event as JSON, in commit order per vault. */
@Entity
@Table(name = "vault_event")
public class EventRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String vault;
    public Instant at;
    public String type;
    public String payload;
    /** The event as the public may see it: {@code VaultEvent.withoutIdentities()}. */
    public String publicPayload;
    /** Handed to the {@code vault-events} channel and acknowledged by it. */
    public boolean relayed;
}
