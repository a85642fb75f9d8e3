package io.backstop.service.app;

import io.backstop.service.BackstopConfig;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.BufferSizingRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.VaultState;
import io.backstop.vault.simulation.BufferSizing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Sizes a vault's insurance buffer by simulation inside the service, on the schedule and when an operator asks: the
 * engine's {@link BufferSizing} on the vault as last committed (on a worker thread, never the event loop), then, in
 * the vault's transaction under its lock, the sizing stored with its inputs and its CVaR at 99% taken as the
 * simulated stress loss, so that coverage is the buffer over the larger of the grid's stress loss and the
 * simulation's, and the band follows.
 */
@ApplicationScoped
public class BufferSizingRun {

    private static final Logger LOG = Logger.getLogger(BufferSizingRun.class);

    /** Who asks when the schedule does. */
    static final String SCHEDULE = "schedule";

    private final VaultViews views;
    private final VaultBooks books;
    private final CommandTransaction transaction;
    private final ServiceClock clock;
    private final BackstopConfig.BufferSizingSchedule schedule;

    public BufferSizingRun(VaultViews views, VaultBooks books, CommandTransaction transaction, ServiceClock clock,
            BackstopConfig config) {
        this.views = views;
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
        this.schedule = config.bufferSizing();
    }

    /** What a sizing asks for. */
    public record Request(int paths, int horizonDays, long seed, double target) {
    }

    /** The schedule's defaults, seeded by the instant so that a run can be repeated from its stored inputs. */
    public Request scheduled(Instant now) {
        return new Request(schedule.paths(), schedule.horizonDays(), now.getEpochSecond(), schedule.target());
    }

    /**
     * Sizes one vault now. 404 without the vault, 409 {@code no-price} without an oracle price, 409
     * {@code nothing-to-simulate} without LP capital.
     */
    public Uni<BufferSizing> size(String vaultId, Request request, String requestedBy) {
        Instant now = clock.now();
        // The simulation runs on a worker thread; the transaction after it must be back on this request's (or
        // timer's) Vert.x context, where Hibernate Reactive's session lives.
        Context context = Vertx.currentContext();
        return views.committed(vaultId)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(v -> simulate(v, request, now))
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .chain(sized -> transaction.run(() -> record(vaultId, sized, requestedBy, now)));
    }

    /** The schedule's pass: every vault with LP capital and a price whose last sizing is an interval old or more. */
    public Uni<Void> sizeDue() {
        Instant now = clock.now();
        return Panache.withSession(() -> VaultRecord.<VaultRecord>listAll())
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .filter(row -> row.lpFree + row.locked > 0)
                .onItem().transformToUniAndConcatenate(row -> Panache.withSession(() ->
                        BufferSizingRecord.latest(row.id)).chain(last -> last != null
                                && Duration.between(last.sizedAt, now).compareTo(schedule.interval()) < 0
                                ? Uni.createFrom().voidItem()
                                : size(row.id, scheduled(now), SCHEDULE).replaceWithVoid()
                                        .onFailure().recoverWithItem(failure -> {
                                            LOG.infof("buffer sizing of %s skipped: %s", row.id,
                                                    failure.getMessage());
                                            return null;
                                        })))
                .collect().last().replaceWithVoid();
    }

    private BufferSizing simulate(VaultViews.Valued v, Request r, Instant now) {
        VaultState vault = v.vault();
        // A fresh oracle price (409 no-price otherwise): the sizing moves the band, which a stale price must not.
        books.market(v.price(), now);
        if (!vault.balances().lpCapital().isPositive()) {
            throw CommandRefused.of(Refusal.NOTHING_TO_SIMULATE, "vault '" + vault.id() + "' has no LP capital");
        }
        return BufferSizing.run(vault, v.unsettled(), v.price().price().toDouble(), r.paths(), r.horizonDays(),
                r.seed(), r.target(), now, Runtime.getRuntime().availableProcessors());
    }

    private Uni<BufferSizing> record(String vaultId, BufferSizing sized, String requestedBy, Instant now) {
        return books.lock(vaultId).chain(row -> books.market(Aggregates.vault(row), now)
                .chain(market -> BufferSizingRecord.of(vaultId, sized, requestedBy).persist()
                        .chain(() -> books.reassess(row, market, sized.cvar99(), now)))
                .replaceWith(sized));
    }
}
