package io.backstop.vault.simulation.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backstop.vault.simulation.Comparison;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.SimulationReport;
import java.time.Instant;

/**
 * Writes a run's {@code report.json}: the scenario as given (seed and paths as run), then the report's fields at
 * the top level under the names of {@link SimulationReport}'s components, and with an alternative vault a
 * {@code comparison} object. Nothing in it depends on the machine, the clock or the number of threads.
 */
public final class ReportJson {

    /**
     * How a run went, recorded with its report so that a number can be traced to what produced it.
     *
     * @param version     the build's version
     * @param java        the Java it ran on
     * @param startedAt   when it started
     * @param threads     worker threads
     * @param wallSeconds wall-clock time of the paths
     * @param currency    the currency money is in
     */
    public record Run(String version, String java, Instant startedAt, int threads, double wallSeconds,
            String currency) {
    }

    private ReportJson() {
    }

    /**
     * The report as pretty-printed JSON.
     *
     * @param scenarioJson the scenario file's JSON
     * @param scenario     the scenario as run
     * @param report       the scenario vault's report
     * @param comparison   the comparison with the alternative, or null
     * @param run          how the run went: what ran it, when, on how many threads, for how long
     */
    public static String write(ObjectNode scenarioJson, Scenario scenario, SimulationReport report,
            Comparison comparison, Run run) {
        ObjectNode root = ScenarioJson.MAPPER.createObjectNode();
        ObjectNode r = root.putObject("run");
        r.put("version", run.version());
        r.put("java", run.java());
        r.put("startedAt", run.startedAt().toString());
        r.put("seed", scenario.seed());
        r.put("paths", scenario.paths());
        r.put("horizonDays", scenario.horizonDays());
        r.put("threads", run.threads());
        r.put("wallSeconds", Math.round(run.wallSeconds() * 1000) / 1000.0);
        ObjectNode units = root.putObject("units");
        units.put("money", run.currency() + ": every amount, VaR, CVaR, buffer and recommended buffer");
        units.put("returns", "fractions: lpReturn and maxDrawdown 0.01 = 1%");
        units.put("probabilities", "fractions in [0, 1], each with its Monte Carlo standard error");
        units.put("bufferOverTime", "day: days from the start; p05…p95: buffer balance in " + run.currency());
        units.put("activity", "per path, averaged over paths; rejectedBy: by the engine's rejection code");
        ObjectNode echo = scenarioJson.deepCopy();
        echo.put("seed", scenario.seed());
        echo.put("paths", scenario.paths());
        root.set("scenario", echo);
        root.setAll((ObjectNode) ScenarioJson.MAPPER.valueToTree(report));
        if (comparison != null) {
            ObjectNode c = root.putObject("comparison");
            c.set("alternative", ScenarioJson.MAPPER.valueToTree(comparison.alternative()));
            c.set("difference", ScenarioJson.MAPPER.valueToTree(comparison.difference()));
        }
        try {
            return ScenarioJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain data and always serialises", e);
        }
    }
}
