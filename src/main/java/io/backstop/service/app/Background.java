package io.backstop.service.app;

import io.backstop.service.BackstopConfig;
import io.backstop.service.BackstopMain;
import io.backstop.service.store.OraclePriceRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.ledger.Amount;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The service's timers (Vert.x periodic timers, each run on a worker with its own Vert.x context and never
 * overlapping itself): settlement of expired series, the event outbox, metrics, the local clock and the simulated feed.
 * In local mode the demo vault {@code eth-usd} (ETH/USD, spot 2000) is opened on first start.
 */
@ApplicationScoped
public class Background {

    private static final Logger LOG = Logger.getLogger(Background.class);

    private final Vertx vertx;
    private final BackstopConfig config;
    private final SettlementRun settlement;
    private final EventStream events;
    private final PriceFeed feed;
    private final ServiceClock clock;
    private final ProtocolCommands commands;
    private final VaultMetrics metrics;
    private final OperatingAlarms alarms;
    private final BufferSizingRun sizing;
    private final VaultHistory history;

    /** How long shutdown waits for a timer's work in progress. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private final List<Long> timers = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    public Background(Vertx vertx, BackstopConfig config, SettlementRun settlement, EventStream events, PriceFeed feed,
            ServiceClock clock, ProtocolCommands commands, VaultMetrics metrics, OperatingAlarms alarms,
            BufferSizingRun sizing, VaultHistory history) {
        this.vertx = vertx;
        this.history = history;
        this.sizing = sizing;
        this.config = config;
        this.settlement = settlement;
        this.events = events;
        this.feed = feed;
        this.clock = clock;
        this.commands = commands;
        this.metrics = metrics;
        this.alarms = alarms;
    }

    void start(@Observes StartupEvent startup) {
        if (config.localMode()) {
            await(this::seedDemoVault);
            every(Duration.ofSeconds(1), "clock", clock::refresh);
            if (config.feed().enabled()) {
                every(config.feed().interval(), "price feed", feed::tick);
            }
        }
        every(config.settlement().interval(), "settlement", () -> settlement.settleDue(null).replaceWithVoid());
        every(Duration.ofMillis(250), "event tail", events::tail);
        every(Duration.ofMillis(500), "event relay", events::relay);
        every(Duration.ofSeconds(5), "metrics", metrics::refresh);
        every(Duration.ofSeconds(5), "alarms", alarms::refresh);
        every(config.bufferSizing().interval(), "buffer sizing", sizing::sizeDue);
        every(config.history().interval(), "vault history", history::sample);
    }

    /**
     * First at shutdown: no timer starts again, and those running are waited for (up to {@link #DRAIN}), so none
     * meets a database that is going away.
     */
    void drain(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
        timers.forEach(vertx::cancelTimer);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Last of all at shutdown: the private PostgreSQL of {@code ./backstop serve}, if this process started one. */
    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent shutdown) {
        BackstopMain.stopLocalMode();
    }

    private void every(Duration interval, String name, Supplier<Uni<Void>> work) {
        AtomicBoolean running = new AtomicBoolean();
        timers.add(vertx.setPeriodic(interval.toMillis(), id -> {
            if (stopping || !running.compareAndSet(false, true)) {
                return;
            }
            inFlight.incrementAndGet();
            vertx.executeBlocking(() -> {
                try {
                    await(work);
                } catch (RuntimeException e) {
                    LOG.warnf("%s failed: %s", name, e.getMessage());
                } finally {
                    running.set(false);
                    inFlight.decrementAndGet();
                }
                return null;
            }, false);
        }));
    }

    private static void await(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /**
     * Local mode's demo vault and its first price, each step skipped once done, so a start interrupted between the
     * two (each its own command and transaction) finishes the job on the next one.
     */
    private Uni<Void> seedDemoVault() {
        return Panache.withSession(() -> VaultRecord.<VaultRecord>findById("eth-usd")).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            LOG.info("local mode: opening the demo vault eth-usd (ETH/USD, spot 2000)");
            return commands.open("eth-usd", "ETH", "USD", Amount.parse("2000"), Map.of(), "local-mode")
                    .replaceWithVoid();
        }).chain(() -> Panache.withSession(() -> OraclePriceRecord.latest("ETH"))).chain(last -> last != null
                ? Uni.createFrom().voidItem()
                : commands.postPrice("ETH", Amount.parse("2000"), clock.now()).replaceWithVoid());
    }
}
