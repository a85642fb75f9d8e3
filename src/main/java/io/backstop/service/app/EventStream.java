package io.backstop.service.app;

import io.backstop.service.store.EventRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Domain events leave through the outbox table. Every instance tails it for its own SSE clients; one instance at
 * a time (the one holding the {@code event_relay} row, {@code FOR UPDATE SKIP LOCKED}) relays it to the
 * {@code vault-events} channel — in-process by default, Kafka under the {@code kafka} profile, keyed by vault id so
 * that a vault's events stay in one partition in order — and marks them relayed once the channel acknowledged them.
 */
@ApplicationScoped
public class EventStream {

    /** An event as it goes out: outbox id, vault, type, and the event's JSON in full and as the public sees it. */
    public record Published(long id, String vault, String type, String at, String payload, String publicPayload) {

        /** The event in full, as one JSON object: for operators and the relay. */
        public String json() {
            return envelope(payload);
        }

        /** The event without identities, as one JSON object: for the public stream. */
        public String publicJson() {
            return envelope(publicPayload);
        }

        private String envelope(String event) {
            return "{\"id\":" + id + ",\"vault\":\"" + vault + "\",\"type\":\"" + type + "\",\"at\":\"" + at
                    + "\",\"event\":" + event + "}";
        }
    }

    private final BroadcastProcessor<Published> local = BroadcastProcessor.create();
    private final AtomicLong tailed = new AtomicLong(-1);
    private final Emitter<String> channel;

    public EventStream(@Channel("vault-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = RELAY_BATCH) Emitter<String> channel) {
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

    /** Most events a reconnecting client is replayed; one further behind starts again from the live position. */
    static final int REPLAY_LIMIT = 10_000;

    /**
     * The events of one vault after {@code lastEventId} (the {@code Last-Event-ID} a reconnecting SSE client sends),
     * then live, with no gap and no repeat: the live stream is subscribed to first and buffered, the missed events
     * are read from the outbox, and live events are passed on only past the last one replayed.
     */
    public Multi<Published> resumed(String vault, long lastEventId) {
        UnicastProcessor<Published> live = UnicastProcessor.create();
        of(vault).subscribe().withSubscriber(live);
        AtomicLong replayed = new AtomicLong(lastEventId);
        Multi<Published> missed = Panache.withSession(() -> EventRecord.ofVaultAfter(vault, lastEventId,
                REPLAY_LIMIT)).onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(EventStream::published).invoke(e -> replayed.set(e.id()));
        return Multi.createBy().concatenating().streams(missed, live.filter(e -> e.id() > replayed.get()));
    }

    /** Reads events committed since the last tail and hands them to this instance's SSE clients. */
    public Uni<Void> tail() {
        long after = tailed.get();
        if (after < 0) {
            return Panache.withSession(EventRecord::latestId).invoke(tailed::set).replaceWithVoid();
        }
        return Panache.withSession(() -> EventRecord.after(after, TAIL_BATCH)).invoke(rows -> {
            for (EventRecord r : rows) {
                local.onNext(published(r));
                tailed.set(r.id);
            }
        }).replaceWithVoid();
    }

    /** Outbox rows a tail reads at a time. */
    static final int TAIL_BATCH = 500;

    /** Events handed to the channel at a time; the emitter buffers exactly one batch. */
    static final int RELAY_BATCH = 256;

    /** How long a batch may wait for the channel's acknowledgements before it is rolled back and sent again. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Relays every committed event not yet relayed, oldest first, if no other instance is doing it right now: a
     * batch at a time, each in its own transaction, until a batch comes back short.
     */
    public Uni<Void> relay() {
        return relayBatch().chain(sent -> sent == RELAY_BATCH ? relay() : Uni.createFrom().voidItem());
    }

    /**
     * One batch: the events are handed to the channel in id order, and marked relayed in the same transaction only
     * once the channel has acknowledged every one of them (Kafka: written to the topic). So the relay goes at the
     * consumer's pace (never more than a batch outstanding, never an overflow), and a batch the channel refuses or
     * does not acknowledge in time rolls back and is sent again by the next round.
     */
    private Uni<Integer> relayBatch() {
        return Panache.withTransaction(() -> EventRecord.claimRelay().chain(claimed -> claimed
                ? EventRecord.unrelayed(RELAY_BATCH).chain(this::send) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> send(List<EventRecord> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        CompletableFuture<?>[] acks = new CompletableFuture<?>[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            EventRecord row = rows.get(i);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks[i] = ack;
            channel.send(Message.of(published(row).json(), Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(row.vault).build()), () -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    }, failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        }
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks))
                .ifNoItem().after(ACK_TIMEOUT).fail()
                // Acknowledgements arrive on the channel's threads; the session lives on this context.
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .chain(() -> EventRecord.markRelayed(ids))
                .replaceWith(rows.size());
    }

    private static Published published(EventRecord r) {
        return new Published(r.id, r.vault, r.type, r.at.toString(), r.payload, r.publicPayload);
    }
}
