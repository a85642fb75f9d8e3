package io.backstop.vault.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.simulation.json.ReportJson;
import io.backstop.vault.simulation.json.ScenarioJson;
import io.backstop.vault.simulation.market.HistoricalReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's engine: determinism across threads, common random numbers, progress, cancellation, replay. */
class MonteCarloSimulationTest {

    @TempDir
    Path tmp;

    private static ScenarioJson.Loaded load(String name) throws IOException {
        Path file = Path.of("..", "scenarios", name + ".json");
        return ScenarioJson.read(Files.readString(file), file.getParent());
    }

    @Test
    void sameSeed_sameReportJsonWithOneAndTwoThreads() throws IOException {
        ScenarioJson.Loaded loaded = load("crash-2020");
        Scenario scenario = loaded.scenario().withPaths(120);
        // The run's record (threads, time) is the same object for both: what must not differ is everything else.
        ReportJson.Run run = new ReportJson.Run("test", "17", java.time.Instant.EPOCH, 1, 0, "USD");
        String one = ReportJson.write(loaded.json(), scenario,
                MonteCarloSimulation.run(scenario, 1, SimulationProgress.NONE, () -> false), null, run);
        String two = ReportJson.write(loaded.json(), scenario,
                MonteCarloSimulation.run(scenario, 2, SimulationProgress.NONE, () -> false), null, run);
        assertThat(two).isEqualTo(one);
        // And another seed gives another report.
        String other = ReportJson.write(loaded.json(), scenario.withSeed(8),
                MonteCarloSimulation.run(scenario.withSeed(8), 2, SimulationProgress.NONE, () -> false), null, run);
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void compare_identicalSetUpsDifferByExactlyZero() throws IOException {
        Scenario base = load("calm").scenario().withPaths(40);
        Scenario same = new Scenario(base.seed(), base.paths(), base.horizonDays(), base.stepsPerDay(), base.start(),
                base.market(), base.impliedVol(), base.vault(), base.book(), base.traders(), base.lps(),
                base.riskReassessmentDays(), base.targetSocialisedLossProbability(), base.vault());
        Comparison c = MonteCarloSimulation.compare(same, 2, SimulationProgress.NONE, () -> false);
        assertThat(c.difference().lpReturn()).isEqualTo(new SimulationReport.Estimate(0, 0));
        assertThat(c.difference().endBuffer()).isEqualTo(new SimulationReport.Estimate(0, 0));
        assertThat(c.alternative()).isEqualTo(c.base());
    }

    @Test
    void compare_aLargerBufferOnTheSamePathsNeverSocialisesMore() throws IOException {
        Scenario loaded = load("crash-2020").scenario().withPaths(300);
        // Without a buffer, the crash's losses beyond LP capital are socialised on some paths.
        Scenario base = new Scenario(loaded.seed(), loaded.paths(), loaded.horizonDays(), loaded.stepsPerDay(),
                loaded.start(), loaded.market(), loaded.impliedVol(), loaded.vault().withBuffer(Amount.ZERO),
                loaded.book(), loaded.traders(), loaded.lps(), loaded.riskReassessmentDays(),
                loaded.targetSocialisedLossProbability(), null);
        Scenario withBigBuffer = new Scenario(base.seed(), base.paths(), base.horizonDays(), base.stepsPerDay(),
                base.start(), base.market(), base.impliedVol(), base.vault(), base.book(), base.traders(), base.lps(),
                base.riskReassessmentDays(), base.targetSocialisedLossProbability(),
                base.vault().withBuffer(Amount.parse("2000000")));
        Comparison c = MonteCarloSimulation.compare(withBigBuffer, 2, SimulationProgress.NONE, () -> false);
        assertThat(c.base().socialisedLossProbability().value()).isPositive();
        assertThat(c.alternative().socialisedLossProbability().value()).isZero();
        // Paired on the same paths, the difference's error is its own, not that of two independent runs.
        assertThat(c.difference().socialisedLossProbability().value())
                .isEqualTo(-c.base().socialisedLossProbability().value(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void progress_reportsEveryPathOnTheCallersThread() throws IOException {
        Scenario scenario = load("calm").scenario().withPaths(30);
        List<Integer> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        MonteCarloSimulation.run(scenario, 2, (done, total) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            assertThat(total).isEqualTo(30);
            seen.add(done);
        }, () -> false);
        assertThat(seen).isSorted().last().isEqualTo(30);
    }

    @Test
    void cancel_stopsTheRunWithoutAReport() throws IOException {
        Scenario scenario = load("calm").scenario().withPaths(5_000);
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> MonteCarloSimulation.run(scenario, 2, SimulationProgress.NONE,
                () -> polls.incrementAndGet() > 20))
                .isInstanceOf(SimulationCancelledException.class)
                .hasMessageContaining("of 5000 paths");
    }

    @Test
    void historicalReplay_withoutBootstrapReplaysTheSeriesScaledToTheSpot() throws IOException {
        Path csv = tmp.resolve("prices.csv");
        Files.writeString(csv, "timestamp,price\n2020-03-01T00:00:00Z,100\n2020-03-02T00:00:00Z,90\n"
                + "2020-03-03T00:00:00Z,60\n2020-03-04T00:00:00Z,75\n");
        String json = "{\"seed\": 3, \"paths\": 4, \"horizonDays\": 3, \"market\": {\"model\": \"historical\","
                + " \"spot\": \"2000\", \"csv\": \"prices.csv\"}, \"vault\": {\"lpCapital\": \"100000\"}}";
        Scenario s = ScenarioJson.read(json, tmp).scenario();
        PathSummary[] paths = MonteCarloSimulation.summaries(s, 1, SimulationProgress.NONE, () -> false)[0];
        for (PathSummary p : paths) {
            assertThat(p.finalSpot()).isCloseTo(1500, org.assertj.core.data.Offset.offset(1e-9));
        }
        // Bootstrapped, paths differ but every step is one of the series' returns.
        HistoricalReplay bootstrap = new HistoricalReplay(2000, HistoricalReplay.logReturns(
                new double[] {100, 90, 60, 75}), 2);
        double[] spots = new double[7];
        bootstrap.fill(spots, 1 / 365.0, new PathStreams(1, 0).market, null);
        for (int i = 1; i < spots.length; i++) {
            double r = spots[i] / spots[i - 1];
            assertThat(List.of(0.9, 60 / 90.0, 75 / 60.0)).anySatisfy(x -> assertThat(r).isCloseTo(x,
                    org.assertj.core.data.Offset.offset(1e-12)));
        }
    }

    @Test
    void historicalReplay_tooShortForTheHorizonIsABadScenario() {
        Path csv = tmp.resolve("short.csv");
        String json = "{\"seed\": 3, \"paths\": 4, \"horizonDays\": 30, \"market\": {\"model\": \"historical\","
                + " \"spot\": \"2000\", \"csv\": \"short.csv\"}, \"vault\": {\"lpCapital\": \"100000\"}}";
        assertThatThrownBy(() -> {
            Files.writeString(csv, "2020-03-01T00:00:00Z,100\n2020-03-02T00:00:00Z,90\n");
            ScenarioJson.read(json, tmp);
        }).isInstanceOf(InvalidScenarioException.class).hasMessageContaining("'market.csv'")
                .hasMessageContaining("has 1 returns but the horizon needs 30");
    }
}
