package io.backstop.vault.simulation.cli;

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
import java.util.Locale;

/**
 * {@code ./backstop simulate --scenario FILE [--out DIR] [--threads N] [--paths N] [--seed N]}: runs a scenario,
 * shows progress, prints a summary and writes {@code report.json}, {@code paths.csv} and the charts. A bad command
 * line or scenario exits with status 2 before anything is written.
 */
public final class SimulateCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage: backstop simulate --scenario FILE [--out DIR] [--threads N] [--paths N] [--seed N]",
            "",
            "  --scenario FILE  the scenario (JSON; see vault/scenarios/ and the README)",
            "  --out DIR        where report.json, paths.csv and the charts go (default: simulation-out)",
            "  --threads N      worker threads (default: all cores); results do not depend on it",
            "  --paths N        overrides the scenario's paths",
            "  --seed N         overrides the scenario's seed");

    private SimulateCommand() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * Runs the command.
     *
     * @param terminal whether progress may redraw one line (a terminal) or goes as plain lines
     * @return the exit status: 0 done, 1 failed while writing, 2 bad command line or scenario
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.println(USAGE);
            return BAD_INPUT;
        }
        if (a.help()) {
            out.println(USAGE);
            return OK;
        }
        ScenarioJson.Loaded loaded;
        Scenario scenario;
        try {
            String text = Files.readString(a.scenario(), StandardCharsets.UTF_8);
            Path folder = a.scenario().toAbsolutePath().getParent();
            loaded = ScenarioJson.read(text, folder);
            scenario = loaded.scenario();
            if (a.paths() != null) {
                scenario = scenario.withPaths(a.paths());
            }
            if (a.seed() != null) {
                scenario = scenario.withSeed(a.seed());
            }
            MonteCarloSimulation.check(scenario);
        } catch (NoSuchFileException e) {
            err.println("simulate: scenario file not found: " + a.scenario());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("simulate: cannot read " + a.scenario() + ": " + e.getMessage());
            return BAD_INPUT;
        } catch (InvalidScenarioException e) {
            err.println("simulate: " + a.scenario() + ": " + e.getMessage());
            return BAD_INPUT;
        }

        ProgressBar bar = new ProgressBar(err, terminal);
        long started = System.nanoTime();
        PathSummary[][] summaries = MonteCarloSimulation.summaries(scenario, a.threads(), bar, () -> false);
        double seconds = (System.nanoTime() - started) / 1e9;
        bar.finish();
        SimulationReport report = MonteCarloSimulation.report(scenario, summaries[0]);
        Comparison comparison = summaries.length > 1 ? Comparison.of(scenario, summaries[0], summaries[1]) : null;
        try {
            Files.createDirectories(a.out());
            Files.writeString(a.out().resolve("report.json"), ReportJson.write(loaded.json(), scenario, report,
                    comparison), StandardCharsets.UTF_8);
            PathsCsv.write(a.out().resolve("paths.csv"), summaries[0]);
            if (comparison != null) {
                PathsCsv.write(a.out().resolve("paths-alternative.csv"), summaries[1]);
            }
            ReportCharts.write(a.out(), summaries[0], report);
        } catch (IOException e) {
            err.println("simulate: cannot write to " + a.out() + ": " + e.getMessage());
            return FAILED;
        }
        SummaryTable.print(out, scenario, report, comparison, seconds, a.threads());
        out.println("wrote " + a.out().resolve("report.json") + ", paths.csv, lp-return.png, buffer-fan.png,"
                + " loss-tail.png");
        return OK;
    }

    /** The command line, checked. */
    record Arguments(Path scenario, Path out, int threads, Integer paths, Long seed, boolean help) {

        static Arguments parse(String[] args) {
            Path scenario = null;
            Path out = Path.of("simulation-out");
            int threads = Runtime.getRuntime().availableProcessors();
            Integer paths = null;
            Long seed = null;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    return new Arguments(null, out, threads, null, null, true);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value"
                            : "unexpected argument '" + flag + "'");
                }
                String value = args[++i];
                switch (flag) {
                    case "--scenario" -> scenario = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--threads" -> threads = (int) positive(flag, value, 1024);
                    case "--paths" -> paths = (int) positive(flag, value, 100_000_000);
                    case "--seed" -> seed = whole(flag, value);
                    default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
                }
            }
            if (scenario == null) {
                throw new IllegalArgumentException("--scenario is required");
            }
            return new Arguments(scenario, out, threads, paths, seed, false);
        }

        private static long positive(String flag, String value, long max) {
            long n = whole(flag, value);
            if (n < 1 || n > max) {
                throw new IllegalArgumentException(flag + " must be between 1 and " + max + ", was " + value);
            }
            return n;
        }

        private static long whole(String flag, String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, was '" + value + "'");
            }
        }
    }

    /** Progress on standard error: one redrawn bar on a terminal, a line per tenth otherwise. */
    static final class ProgressBar implements SimulationProgress {

        private static final int WIDTH = 40;
        private final PrintStream err;
        private final boolean terminal;
        private int lastTenth = -1;

        ProgressBar(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void pathsDone(int done, int total) {
            if (terminal) {
                int filled = (int) ((long) WIDTH * done / total);
                err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d / %,d paths", "#".repeat(filled),
                        " ".repeat(WIDTH - filled), 100L * done / total, done, total));
                err.flush();
            } else {
                int tenth = (int) (10L * done / total);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    err.println(String.format(Locale.ROOT, "simulate: %,d / %,d paths", done, total));
                }
            }
        }

        void finish() {
            if (terminal) {
                err.println();
            }
        }
    }
}
