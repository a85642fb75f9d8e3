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
 *
 * <p>A vault's gate exists only while something is admitted or waiting for it, so requests naming vaults that do not
 * exist leave nothing behind.
 */
@ApplicationScoped
public class VaultAdmission {

    /** Trades per vault inside the database at once: one holding the lock, one ready to take it. */
    static final int PER_VAULT = 2;

    private static final int WAITING = 0;
    private static final int ADMITTED = 1;
    private static final int CANCELLED = 2;

    /** Each gate is read and changed only inside {@code compute} on its vault's key, which is atomic per key. */
    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    /**
     * Runs the command once fewer than {@link #PER_VAULT} of this vault's admitted commands are running, on the
     * caller's Vert.x context (a Hibernate Reactive session belongs to it); in arrival order.
     */
    public <T> Uni<T> admit(String vaultId, Supplier<Uni<T>> command) {
        return Uni.createFrom().deferred(() -> {
            Ticket ticket = new Ticket(Vertx.currentContext());
            return Uni.createFrom().<Void>emitter(emitter -> {
                ticket.emitter = emitter;
                if (enter(vaultId, ticket)) {
                    emitter.complete(null);
                }
            })
                    .onCancellation().invoke(ticket::cancel)
                    .chain(ignored -> command.get())
                    .onTermination().invoke(() -> {
                        if (ticket.state.get() == ADMITTED) {
                            leave(vaultId);
                        }
                    });
        });
    }

    /** How many vaults have a command admitted or waiting now. */
    int vaultsInUse() {
        return gates.size();
    }

    /** True when the ticket may go at once; else it waits its turn. */
    private boolean enter(String vaultId, Ticket ticket) {
        gates.compute(vaultId, (id, gate) -> {
            Gate g = gate == null ? new Gate() : gate;
            if (g.inside < PER_VAULT) {
                g.inside++;
                ticket.state.set(ADMITTED);
            } else {
                g.waiting.add(ticket);
            }
            return g;
        });
        return ticket.state.get() == ADMITTED;
    }

    /** An admitted command ended: the next waiting one takes its place, or the place is freed. */
    private void leave(String vaultId) {
        Ticket[] next = new Ticket[1];
        gates.computeIfPresent(vaultId, (id, g) -> {
            next[0] = g.waiting.poll();
            if (next[0] == null) {
                g.inside--;
            }
            return g.inside == 0 ? null : g;
        });
        if (next[0] != null) {
            next[0].resume(this, vaultId);
        }
    }

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
        void resume(VaultAdmission admission, String vaultId) {
            if (!state.compareAndSet(WAITING, ADMITTED)) {
                admission.leave(vaultId);
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
    }
}
