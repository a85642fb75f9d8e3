package io.backstop.vault.simulation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.simulation.BufferSizing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code ./backstop simulate} end to end: every example scenario on reduced paths, and bad scenarios refused. */
class SimulateCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int simulate(String... args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(new SimulateCommand(stdout, stderr, false)).setCommandName("backstop simulate")
                .setOut(new PrintWriter(stdout, true)).setErr(new PrintWriter(stderr, true)).execute(args);
    }

    /**
     * The service's buffer sizing is the command line's simulation: a vault sized by {@code BufferSizing} and the
     * same vault written as a scenario file give the same VaR, CVaR and recommended buffer on the same seed.
     */
    @Test
    void theServicesBufferSizingMatchesTheCommandLineOnTheSameSeed() throws IOException {
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        MarketSnapshot market = MarketSnapshot.at(2000);
        VaultState vault = VaultEngine.open("v", "ETH", "USD", Map.of("callCollateralFactor", "0.2"), "ops", start)
                .result();
        vault = VaultEngine.deposit(vault, LpAccount.open("v", "lp"), Amount.parse("10000"), Valuation.NONE, start)
                .result().vault();
        OptionSeries call = new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"),
                start.plus(Duration.ofDays(14)));
        var quote = VaultEngine.quote(vault, call, Quantity.parse("15"), "t", market, start).result();
        var traded = VaultEngine.buy(quote.vault(), null, quote.quote(), null, "t", market, start).result();
        BufferSizing sized = BufferSizing.run(traded.vault(), List.of(traded.series()), 2000, 2000, 30, 11, 0.01,
                start, 2);

        Path scenario = tmp.resolve("sized-vault.json");
        Files.writeString(scenario, """
                {"seed": 11, "paths": 2000, "horizonDays": 30, "start": "2026-01-05T08:00:00Z",
                 "market": {"model": "gbm", "spot": "2000", "drift": 0, "vol": 0.8},
                 "vault": {"lpCapital": "%s", "buffer": "%s", "surfaceVol": 0.8,
                           "parameters": {"callCollateralFactor": 0.2}},
                 "book": [{"type": "call", "strike": "2000", "expiryDays": 14, "quantity": "15"}],
                 "targetSocialisedLossProbability": 0.01}
                """.formatted(traded.vault().balances().lpCapital(), traded.vault().balances().buffer()));
        Path dir = tmp.resolve("sized");
        assertThat(simulate("--scenario", scenario.toString(), "--out", dir.toString(), "--threads", "1"))
                .as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        JsonNode tail = report.get("lossBeyondLp");
        assertThat(sized.var99()).isEqualTo(Amount.of(tail.get("var99").asDouble(), Rounding.UP));
        assertThat(sized.cvar99()).isEqualTo(Amount.of(tail.get("cvar99").asDouble(), Rounding.UP));
        assertThat(sized.cvar999()).isEqualTo(Amount.of(tail.get("cvar999").asDouble(), Rounding.UP));
        assertThat(sized.bufferDrawProbability()).isEqualTo(report.get("bufferDrawProbability").get("value")
                .asDouble());
        assertThat(sized.recommendedBuffer()).isEqualTo(Amount.of(report.get("recommendedBuffer").asDouble(),
                Rounding.UP));
        assertThat(sized.cvar99().isPositive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"calm", "crash-2020", "vol-regime", "long-flows"})
    void exampleScenario_runsAndWritesEveryOutput(String name) throws IOException {
        Path dir = tmp.resolve(name);
        int paths = name.equals("long-flows") ? 24 : 200;
        int status = simulate("--scenario", "../scenarios/" + name + ".json", "--out", dir.toString(), "--paths",
                Integer.toString(paths), "--threads", "2");

        assertThat(status).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("scenario").get("paths").asInt()).isEqualTo(paths);
        for (String p : List.of("bufferDrawProbability", "bufferExhaustedProbability", "socialisedLossProbability")) {
            assertThat(report.get(p).get("value").asDouble()).isBetween(0.0, 1.0);
            assertThat(report.get(p).has("stdError")).isTrue();
        }
        JsonNode tail = report.get("lossBeyondLp");
        assertThat(tail.get("var95").asDouble()).isLessThanOrEqualTo(tail.get("var99").asDouble());
        assertThat(tail.get("var99").asDouble()).isLessThanOrEqualTo(tail.get("cvar99").asDouble());
        assertThat(report.get("lpReturn").get("p01").asDouble())
                .isLessThanOrEqualTo(report.get("lpReturn").get("p99").asDouble());
        assertThat(report.get("recommendedBuffer").decimalValue().signum()).isGreaterThanOrEqualTo(0);
        // The run is recorded with its report, and what its numbers are in.
        JsonNode run = report.get("run");
        assertThat(run.get("threads").asInt()).isEqualTo(2);
        assertThat(run.get("paths").asInt()).isEqualTo(paths);
        assertThat(run.get("wallSeconds").asDouble()).isPositive();
        assertThat(java.time.Instant.parse(run.get("startedAt").asText())).isBefore(java.time.Instant.now());
        assertThat(report.get("units").get("money").asText()).startsWith("USD");
        JsonNode rejectedBy = report.get("activity").get("rejectedBy");
        double perPath = 0;
        for (var reason = rejectedBy.fields(); reason.hasNext(); ) {
            perPath += reason.next().getValue().asDouble();
        }
        assertThat(perPath).as("every rejection has its reason").isCloseTo(
                report.get("activity").get("tradesRejected").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Files.readAllLines(dir.resolve("paths.csv"))).hasSize(paths + 1)
                .first().isEqualTo(PathsCsv.HEADER);
        for (String png : List.of("lp-return.png", "buffer-fan.png", "loss-tail.png")) {
            byte[] head = Files.readAllBytes(dir.resolve(png));
            assertThat(head).hasSizeGreaterThan(1000).startsWith(0x89, 'P', 'N', 'G');
        }
        assertThat(out.toString()).contains("P(socialised loss)").contains("recommended buffer");
        assertThat(err.toString()).contains("simulate: " + String.format("%,d", paths) + " / ").contains(" paths/s, ")
                .contains(" left");
        if (name.equals("vol-regime")) {
            assertThat(report.get("comparison").get("difference").get("lpReturn").has("stdError")).isTrue();
            assertThat(out.toString()).contains("max drawdown, mean").contains("P(buffer drawn)")
                    .contains("buffer at the horizon, mean").contains("(alternative) vs");
            assertThat(dir.resolve("paths-alternative.csv")).exists();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5}                                  | 'market': is required",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"vol\": 0.5}}        | 'market.spot': is required",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\", \"vol\": -1}, \"vault\": {\"lpCapital\": \"1\"}} | 'market.vol': must be in",
        "{\"seed\": 1, \"paths\": 0, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\"}, \"vault\": {\"lpCapital\": \"1\"}} | 'paths': must be in",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\", \"model\": \"heston\"}, \"vault\": {\"lpCapital\": \"1\"}} | 'market.model': must be one of",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\"}, \"vault\": {\"lpCapital\": \"1000\", \"parameters\": {\"maxUtilization\": 2}}} | 'vault.parameters.maxUtilization': maxUtilization must be in",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\"}, \"vault\": {\"lpCapital\": \"1000\", \"parameters\": {\"leverage\": 2}}} | 'vault.parameters.leverage': unknown parameter",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\"}, \"vault\": {\"lpCapital\": \"1000\"}, \"book\": [{\"type\": \"call\", \"strike\": \"2400\", \"expiryDays\": 5, \"quantity\": \"10\"}]} | 'book[0]': collateral 20000 exceeds free liquidity 1000",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\"}, \"vault\": {\"lpCapital\": \"1000\"}, \"book\": [{\"type\": \"straddle\"}]} | 'book[0].type': must be \"call\" or \"put\"",
        "{\"seed\": 1, \"paths\": 10, \"horizonDays\": 5, \"market\": {\"spot\": \"2000\"}, \"vault\": {\"lpCapital\": \"1.0000001\"}} | 'vault.lpCapital': must be an amount with at most 6 decimals",
        "{\"seed\": 1, \"paths\": 10,                                                       | '(root)': is not valid JSON",
    })
    void badScenario_exitsTwoNamingTheFieldAndWritesNothing(String json, String message) throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, json);
        Path dir = tmp.resolve("out");

        int status = simulate("--scenario", file.toString(), "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(message.replace("'(root)'", "'(root)'"));
        assertThat(dir).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--paths 0", "--threads x", "--frobnicate 1", "--out", "", "--scenario=x --threads=0"})
    void badCommandLine_exitsTwoWithUsage(String args) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        assertThat(simulate(argv)).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: backstop simulate");
    }

    @org.junit.jupiter.api.Test
    void missingScenarioFile_exitsTwo() {
        assertThat(simulate("--scenario", tmp.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("scenario file not found");
    }
}
