package io.backstop.vault.simulation;

import io.backstop.vault.MarketSnapshot;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The Monte Carlo simulator: runs a scenario's paths through the vault engine on a number of threads and reports.
 * Threads take the next path from a shared counter and write its summary to the path's slot, so the summaries, and
 * therefore the report, do not depend on the number of threads or on scheduling. Memory is the per-path summaries
 * plus one path's working state per thread.
 */
public final class MonteCarloSimulation {

    /** The currency the simulated vault's money is in: every amount of a report is in it. */
    public static final String CURRENCY = SimulatedVault.QUOTE_CURRENCY;

    private static final long PROGRESS_INTERVAL_MILLIS = 100;

    private MonteCarloSimulation() {
    }

    /**
     * Checks that a scenario's vault can open: LP capital deposited, buffer funded, opening book taken over.
     *
     * @throws InvalidScenarioException naming the field the engine refused
     */
    public static void check(Scenario scenario) {
        SimulatedVault.open(scenario.vault(), scenario.book(), MarketSnapshot.at(scenario.market().initialSpot()),
                scenario.start(), SimulatedVault.catalogue());
        if (scenario.alternative() != null) {
            SimulatedVault.open(scenario.alternative(), scenario.book(),
                    MarketSnapshot.at(scenario.market().initialSpot()), scenario.start(), SimulatedVault.catalogue());
        }
    }

    /**
     * Runs the scenario's vault.
     *
     * @param threads   worker threads, positive
     * @param progress  told of progress about ten times a second, on this thread
     * @param cancelled polled between paths; when it turns true the run stops
     * @throws SimulationCancelledException if cancelled
     */
    public static SimulationReport run(Scenario scenario, int threads, SimulationProgress progress,
            BooleanSupplier cancelled) {
        check(scenario);
        PathSummary[][] summaries = runPaths(scenario, List.of(scenario.vault()), threads, progress, cancelled);
        return report(scenario, summaries[0]);
    }

    /**
     * Runs the scenario's vault and its alternative on the same paths.
     *
     * @throws IllegalArgumentException if the scenario has no alternative
     * @throws SimulationCancelledException if cancelled
     */
    public static Comparison compare(Scenario scenario, int threads, SimulationProgress progress,
            BooleanSupplier cancelled) {
        if (scenario.alternative() == null) {
            throw new IllegalArgumentException("the scenario has no alternative vault to compare");
        }
        check(scenario);
        PathSummary[][] summaries = runPaths(scenario, List.of(scenario.vault(), scenario.alternative()), threads,
                progress, cancelled);
        return Comparison.of(scenario, summaries[0], summaries[1]);
    }

    /** The per-path summaries of a run, in path order, for each set-up: what {@code paths.csv} lists. */
    public static PathSummary[][] summaries(Scenario scenario, int threads, SimulationProgress progress,
            BooleanSupplier cancelled) {
        check(scenario);
        List<VaultSetup> setups = scenario.alternative() == null ? List.of(scenario.vault())
                : List.of(scenario.vault(), scenario.alternative());
        return runPaths(scenario, setups, threads, progress, cancelled);
    }

    /** The report of one set-up's summaries. */
    public static SimulationReport report(Scenario scenario, PathSummary[] summaries) {
        return SimulationReport.of(summaries, scenario.horizonDays(), scenario.targetSocialisedLossProbability());
    }

    private static PathSummary[][] runPaths(Scenario scenario, List<VaultSetup> setups, int threads,
            SimulationProgress progress, BooleanSupplier cancelled) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        int total = scenario.paths();
        PathSummary[][] out = new PathSummary[setups.size()][total];
        PathSimulation simulation = new PathSimulation(scenario);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        int workers = Math.min(threads, total);
        CountDownLatch finished = new CountDownLatch(workers);
        Runnable worker = () -> {
            SeriesCatalogue catalogue = SimulatedVault.catalogue();
            try {
                for (int path = next.getAndIncrement(); path < total; path = next.getAndIncrement()) {
                    if (stop.get() || failure.get() != null || cancelled.getAsBoolean()) {
                        return;
                    }
                    for (int s = 0; s < setups.size(); s++) {
                        out[s][path] = simulation.run(path, setups.get(s), catalogue);
                    }
                    done.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                finished.countDown();
            }
        };
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(worker, "simulation-" + i);
            t.setDaemon(true);
            t.start();
        }
        awaitWithProgress(finished, done, total, progress, stop);
        if (failure.get() != null) {
            throw failure.get();
        }
        if (done.get() < total) {
            throw new SimulationCancelledException(done.get(), total);
        }
        return out;
    }

    private static void awaitWithProgress(CountDownLatch finished, AtomicInteger done, int total,
            SimulationProgress progress, AtomicBoolean stop) {
        try {
            while (!finished.await(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                progress.pathsDone(done.get(), total);
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new SimulationCancelledException(done.get(), total);
        }
        progress.pathsDone(done.get(), total);
    }
}
