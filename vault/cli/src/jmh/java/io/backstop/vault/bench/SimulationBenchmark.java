package io.backstop.vault.bench;

import io.backstop.vault.simulation.MonteCarloSimulation;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.SimulationProgress;
import io.backstop.vault.simulation.SimulationReport;
import io.backstop.vault.simulation.json.ScenarioJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full vault simulation of {@code vault/scenarios/calm.json} (20 trader arrivals a day, about 52 live series on
 * average, the configuration), {@value #PATHS} paths of 30 days per operation: path-days per second = ops/s
 * × {@value #PATHS} × 30. {@code -p scenarioFile=...} runs another scenario the same way. Run from the repository
 * root so the scenario file is found.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC") // as ./backstop simulate runs
public class SimulationBenchmark {

    static final int PATHS = 200;

    @Param({"1", "2"})
    int threads;

    /** The scenario file, relative to the repository root. */
    @Param({"vault/scenarios/calm.json"})
    String scenarioFile;

    private Scenario scenario;

    @Setup
    public void load() throws IOException {
        Path file = Path.of(scenarioFile);
        scenario = ScenarioJson.read(Files.readString(file), file.getParent()).scenario().withPaths(PATHS);
    }

    @Benchmark
    public SimulationReport calm200Paths() {
        return MonteCarloSimulation.run(scenario, threads, SimulationProgress.NONE, () -> false);
    }
}
