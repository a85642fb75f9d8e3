package io.backstop.service.app;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How many of this instance's trades may be inside one vault's transaction at once. The vault's row lock lets one
 * through at a time in any case; a trade queued on that lock holds a database connection and its idempotency key,
 * and the CPU its queue-mates spend keeps the lock's holder waiting between its own statements, so with many
 * clients throughput fell as connections grew (issue #23). Queued here, in memory, a trade costs nothing. The lock
 * stays the rule: another instance admits its own, and this holds no state that instance could contradict.
 */
@ApplicationScoped
public class VaultAdmission {

    /** Trades per vault inside the database at once: one holding the lock, one ready to take it. */
    static final int PER_VAULT = 2;

    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    /**
     * Runs the command once fewer than {@link #PER_VAULT} of this vault's admitted commands are running, on the
     * caller's Vert.x context (a Hibernate Reactive session belongs to it); in arrival order.
     */
    public <T> Uni<T> admit(String vaultId, Supplier<Uni<T>> command) {
        return Uni.createFrom().deferred(() -> {
            Gate gate = gates.computeIfAbsent(vaultId, id -> new Gate());
            Ticket ticket = new Ticket(Vertx.currentContext());
            return Uni.createFrom().<Void>emitter(emitter -> {
                ticket.emitter = emitter;
                if (gate.enter(ticket)) {
                    emitter.complete(null);
                }
            })
                    .onCancellation().invoke(ticket::cancel)
                    .chain(ignored -> command.get())
                    .onTermination().invoke(() -> {
                        if (ticket.state.get() == ADMITTED) {
                            gate.leave();
                        }
                    });
        });
    }

    private static final int WAITING = 0;
    private static final int ADMITTED = 1;
    private static final int CANCELLED = 2;

    /** A command waiting for its turn, and where to resume it; it holds a place once {@code ADMITTED}. */
    private static final class Ticket {
        private final Context context;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile UniEmitter<? super Void> emitter;

        Ticket(Context context) {
            this.context = context;
        }

        /** Given up while waiting: its turn, when it comes, is passed on. */
        void cancel() {
            state.compareAndSet(WAITING, CANCELLED);
        }

        /** Its turn has come: resumes it on its own context, or passes the turn on if it was cancelled meanwhile. */
        void resume(Gate gate) {
            if (!state.compareAndSet(WAITING, ADMITTED)) {
                gate.leave();
            } else if (context == null) {
                emitter.complete(null);
            } else {
                context.runOnContext(ignored -> emitter.complete(null));
            }
        }
    }

    /** One vault's count of admitted commands and its queue. */
    private static final class Gate {
        private final Queue<Ticket> waiting = new ArrayDeque<>();
        private int inside;

        /** True when the ticket may go at once; else it waits its turn. */
        synchronized boolean enter(Ticket ticket) {
            if (inside < PER_VAULT) {
                inside++;
                ticket.state.set(ADMITTED);
                return true;
            }
            waiting.add(ticket);
            return false;
        }

        /** An admitted command ended: the next waiting one takes its place. */
        void leave() {
            Ticket next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inside--;
                }
            }
            if (next != null) {
                next.resume(this);
            }
        }
    }
}
