package io.backstop.vault.simulation.cli;

import io.backstop.pricing.cli.CommandVersion;
import io.backstop.vault.simulation.Comparison;
import io.backstop.vault.simulation.InvalidScenarioException;
import io.backstop.vault.simulation.MonteCarloSimulation;
import io.backstop.vault.simulation.PathSummary;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.SimulationProgress;
import io.backstop.vault.simulation.SimulationReport;
import io.backstop.vault.simulation.json.ReportJson;
import io.backstop.vault.simulation.json.ScenarioJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./backstop simulate}: runs a scenario, shows progress, prints a summary and writes {@code report.json},
 * {@code paths.csv} and the charts. A bad command line or scenario exits with status 2 before anything is written.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = CommandVersion.class,
        sortOptions = false, usageHelpWidth = 100,
        headerHeading = "", header = "Monte Carlo stress of a vault: the insurance buffer's VaR and CVaR over paths.",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", description = {
            "Runs the scenario's vault through the engine on every path and writes report.json, paths.csv,",
            "lp-return.png, buffer-fan.png and loss-tail.png. Results depend on the seed, never on --threads.",
            "A scenario with an \"alternative\" set-up is also run on the same paths and compared."},
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n", footer = {"Example:  backstop simulate --scenario=vault/scenarios/crash-2020.json "
                + "--paths=20000 --out=out/crash"})
public final class SimulateCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "the scenario (JSON; see vault/scenarios/ and the README)")
    private Path scenario;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "simulation-out",
            description = "where the report, paths and charts go (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: every core)")
    private Integer threads;

    @Option(names = "--paths", paramLabel = "N", description = "overrides the scenario's paths")
    private Integer paths;

    @Option(names = "--seed", paramLabel = "N", description = "overrides the scenario's seed")
    private Long seed;

    @Spec
    private CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final boolean terminal;

    /** On standard output and error, redrawing progress when standard error is a terminal. */
    public SimulateCommand() {
        this(System.out, System.err, System.console() != null);
    }

    /**
     * On the given streams.
     *
     * @param terminal whether progress may redraw one line (a terminal) or goes as plain lines
     */
    SimulateCommand(PrintStream stdout, PrintStream stderr, boolean terminal) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
    }

    /** @return the exit status: 0 done, 1 failed while writing, 2 bad command line or scenario */
    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : within("--threads", threads, 1024);
        ScenarioJson.Loaded loaded;
        Scenario run;
        try {
            String text = Files.readString(scenario, StandardCharsets.UTF_8);
            loaded = ScenarioJson.read(text, scenario.toAbsolutePath().getParent());
            run = loaded.scenario();
            if (paths != null) {
                run = run.withPaths(within("--paths", paths, 100_000_000));
            }
            if (seed != null) {
                run = run.withSeed(seed);
            }
            MonteCarloSimulation.check(run);
        } catch (NoSuchFileException e) {
            stderr.println("simulate: scenario file not found: " + scenario);
            return BAD_INPUT;
        } catch (IOException e) {
            stderr.println("simulate: cannot read " + scenario + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (InvalidScenarioException e) {
            stderr.println("simulate: " + scenario + ": " + e.getMessage());
            return BAD_INPUT;
        }

        ProgressBar bar = new ProgressBar(stderr, terminal);
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        PathSummary[][] summaries = MonteCarloSimulation.summaries(run, workers, bar, () -> false);
        double seconds = (System.nanoTime() - started) / 1e9;
        bar.finish();
        SimulationReport report = MonteCarloSimulation.report(run, summaries[0]);
        Comparison comparison = summaries.length > 1 ? Comparison.of(run, summaries[0], summaries[1]) : null;
        try {
            Files.createDirectories(out);
            String version = SimulateCommand.class.getPackage().getImplementationVersion();
            ReportJson.Run how = new ReportJson.Run(version == null ? "built from source, unpackaged" : version,
                    System.getProperty("java.version"), startedAt, workers, seconds, MonteCarloSimulation.CURRENCY);
            Files.writeString(out.resolve("report.json"), ReportJson.write(loaded.json(), run, report, comparison,
                    how), StandardCharsets.UTF_8);
            PathsCsv.write(out.resolve("paths.csv"), summaries[0]);
            if (comparison != null) {
                PathsCsv.write(out.resolve("paths-alternative.csv"), summaries[1]);
            }
            ReportCharts.write(out, summaries[0], report, comparison == null ? null : comparison.alternative(),
                    MonteCarloSimulation.CURRENCY, run.targetSocialisedLossProbability());
        } catch (IOException e) {
            stderr.println("simulate: cannot write to " + out + ": " + e.getMessage());
            return FAILED;
        }
        SummaryTable.print(stdout, run, report, comparison, seconds, workers);
        stdout.println("wrote " + out.resolve("report.json") + ", paths.csv, lp-return.png, buffer-fan.png,"
                + " loss-tail.png");
        return OK;
    }

    /** A count option between 1 and {@code max}; else a usage error (exit status 2, with the usage). */
    private int within(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between 1 and " + max + ", was "
                    + value);
        }
        return value;
    }

    /**
     * Progress on standard error with the rate so far and the time left at that rate: one redrawn bar on a
     * terminal, a line per tenth otherwise.
     */
    static final class ProgressBar implements SimulationProgress {

        private static final int WIDTH = 30;
        private final PrintStream err;
        private final boolean terminal;
        private final long started = System.nanoTime();
        private int lastTenth = -1;

        ProgressBar(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void pathsDone(int done, int total) {
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            String left = rate > 0 ? duration((total - done) / rate) : "--:--";
            if (terminal) {
                int filled = (int) ((long) WIDTH * done / total);
                err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d / %,d paths  %,.0f paths/s  %s left ",
                        "#".repeat(filled), " ".repeat(WIDTH - filled), 100L * done / total, done, total, rate, left));
                err.flush();
            } else {
                int tenth = (int) (10L * done / total);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    err.println(String.format(Locale.ROOT, "simulate: %,d / %,d paths, %,.0f paths/s, %s left", done,
                            total, rate, left));
                }
            }
        }

        void finish() {
            if (terminal) {
                err.println();
            }
        }

        /** Minutes and seconds, or hours, minutes and seconds: 1:05, 2:03:10. */
        static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
