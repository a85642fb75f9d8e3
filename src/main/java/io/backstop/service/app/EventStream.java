package io.backstop.service.app;

import io.backstop.service.store.EventRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Domain events leave through the outbox table. Every instance tails it for its own SSE clients; one instance at
 * a time (the one holding the {@code event_relay} row, {@code FOR UPDATE SKIP LOCKED}) relays it to the
 * {@code vault-events} channel — in-process by default, Kafka under the {@code kafka} profile — and advances the
 * relay position in the same transaction.
 */
@ApplicationScoped
public class EventStream {

    /** An event as it goes out: outbox id, vault, type, and the event's JSON. */
    public record Published(long id, String vault, String type, String at, String payload) {

        /** The event as one JSON object. */
        public String json() {
            return "{\"id\":" + id + ",\"vault\":\"" + vault + "\",\"type\":\"" + type + "\",\"at\":\"" + at
                    + "\",\"event\":" + payload + "}";
        }
    }

    private final BroadcastProcessor<Published> local = BroadcastProcessor.create();
    private final AtomicLong tailed = new AtomicLong(-1);
    private final Emitter<String> channel;

    public EventStream(@Channel("vault-events") Emitter<String> channel) {
        this.channel = channel;
    }

    /** How many events a slow SSE client may fall behind before it is disconnected. */
    static final int CLIENT_BUFFER = 4096;

    /**
     * The events of one vault from now on. A tail hands over a whole batch at once while an SSE client asks for
     * one event at a time, so each client gets a buffer; one that falls further behind is cut off, not the rest.
     */
    public Multi<Published> of(String vault) {
        return local.onOverflow().buffer(CLIENT_BUFFER).filter(e -> e.vault().equals(vault));
    }

    /** Reads events committed since the last tail and hands them to this instance's SSE clients. */
    public Uni<Void> tail() {
        long after = tailed.get();
        if (after < 0) {
            return Panache.withSession(() -> Panache.getSession().chain(s -> s
                    .createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM vault_event", Long.class).getSingleResult()))
                    .invoke(tailed::set).replaceWithVoid();
        }
        return Panache.withSession(() -> batchAfter(after)).invoke(rows -> {
            for (EventRecord r : rows) {
                local.onNext(published(r));
                tailed.set(r.id);
            }
        }).replaceWithVoid();
    }

    /** Relays the outbox to the channel if no other instance is doing it right now. */
    public Uni<Void> relay() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s
                .createNativeQuery("SELECT last_id FROM event_relay WHERE id = 1 FOR UPDATE SKIP LOCKED", Long.class)
                .getResultList()).chain(position -> {
                    if (position.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return batchAfter(position.get(0)).chain(this::send);
                }));
    }

    /** The next outbox rows after an id, oldest first, at most 500 at a time. */
    private static Uni<List<EventRecord>> batchAfter(long id) {
        return EventRecord.<EventRecord>find("id > ?1 order by id", id).range(0, 499).list();
    }

    private Uni<Void> send(List<EventRecord> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        for (EventRecord r : rows) {
            channel.send(published(r).json());
        }
        long last = rows.get(rows.size() - 1).id;
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE event_relay SET last_id = ?1 WHERE id = 1")
                .setParameter(1, last).executeUpdate()).replaceWithVoid();
    }

    private static Published published(EventRecord r) {
        return new Published(r.id, r.vault, r.type, r.at.toString(), r.payload);
    }
}
