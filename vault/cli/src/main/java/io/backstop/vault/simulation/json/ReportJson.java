package io.backstop.vault.simulation.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backstop.vault.simulation.Comparison;
import io.backstop.vault.simulation.Scenario;
import io.backstop.vault.simulation.SimulationReport;

/**
 * Writes a run's {@code report.json}: the scenario as given (seed and paths as run), then the report's fields at
 * the top level under the names of {@link SimulationReport}'s components, and with an alternative vault a
 * {@code comparison} object. Nothing in it depends on the machine, the clock or the number of threads.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * The report as pretty-printed JSON.
     *
     * @param scenarioJson the scenario file's JSON
     * @param scenario     the scenario as run
     * @param report       the scenario vault's report
     * @param comparison   the comparison with the alternative, or null
     */
    public static String write(ObjectNode scenarioJson, Scenario scenario, SimulationReport report,
            Comparison comparison) {
        ObjectNode root = ScenarioJson.MAPPER.createObjectNode();
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
