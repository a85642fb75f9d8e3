package io.backstop.service.store;

import java.util.List;
import io.smallrye.mutiny.Uni;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /** The id of the last event committed so far, 0 when there is none. */
    public static Uni<Long> latestId() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM vault_event",
                Long.class).getSingleResult());
    }

    /**
     * An LP's own movements in a vault, oldest first: deposits, withdrawals paid, queued and cancelled, each as
     * its type, instant and the payload's {@code amount}, {@code shares} and {@code exitFee} (those it has) as text.
     */
    public static Uni<List<Object[]>> lpMovements(String vault, String owner) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT type, "
                + "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
                + "payload::jsonb ->> 'amount', payload::jsonb ->> 'shares', payload::jsonb ->> 'exitFee' "
                + "FROM vault_event WHERE vault = ?1 AND type IN ('DepositMade', 'WithdrawalPaid', "
                + "'WithdrawalQueued', 'WithdrawalCancelled') AND payload::jsonb ->> 'owner' = ?2 ORDER BY id",
                Object[].class).setParameter(1, vault).setParameter(2, owner).getResultList());
    }

    /** At most {@code limit} events after an id, oldest first. */
    public static Uni<List<EventRecord>> after(long id, int limit) {
        return find("id > ?1 order by id", id).range(0, limit - 1).list();
    }

    /** At most {@code limit} of a vault's events after an id, oldest first: what a reconnecting client missed. */
    public static Uni<List<EventRecord>> ofVaultAfter(String vault, long id, int limit) {
        return find("vault = ?1 and id > ?2 order by id", vault, id).range(0, limit - 1).list();
    }

    /** At most {@code limit} events not yet relayed, oldest first. */
    public static Uni<List<EventRecord>> unrelayed(int limit) {
        return find("relayed = false order by id").range(0, limit - 1).list();
    }

    /** Marks events as relayed. */
    public static Uni<Integer> markRelayed(List<Long> ids) {
        return update("relayed = true where id in ?1", ids);
    }

    /**
     * Takes the relay's lock for this transaction if no other instance holds it: true when taken. One instance at a
     * time relays, and the others skip their round rather than wait.
     */
    public static Uni<Boolean> claimRelay() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT id FROM event_relay WHERE id = 1 FOR UPDATE SKIP LOCKED", Integer.class).getResultList())
                .map(lock -> !lock.isEmpty());
    }
}
