package io.backstop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backstop.pricing.cli.CommandVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./backstop oracle-replay}: posts a CSV of timestamped prices to a running service as its oracle would, at
 * a chosen speed, so that a real price history can drive a vault. Against a local-mode service, {@code
 * --advance-clock} moves the service's clock by each gap in the history instead of waiting for it, posting each price
 * at the service's now: a backtest of months in minutes. Every row is checked before anything is posted; each
 * price the oracle rules refuse is reported with its problem and the replay goes on.
 */
@Command(name = "oracle-replay", mixinStandardHelpOptions = true, versionProvider = CommandVersion.class,
        usageHelpWidth = 100, description = {"Post a CSV of timestamped prices (timestamp,price) to the service's "
                + "oracle endpoint, paced by their timestamps."},
        footer = {"", "Exit status: 0 every price accepted, 1 some refused or the service unreachable, 2 bad input.",
            "Example: ./backstop oracle-replay --underlying=ETH --file=eth-2020-03.csv --advance-clock"})
public final class OracleReplayCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "the service (default: ${DEFAULT-VALUE})")
    private URI url;

    @Option(names = "--underlying", required = true, paramLabel = "SYMBOL", description = "the underlying, e.g. ETH")
    private String underlying;

    @Option(names = "--file", required = true, paramLabel = "FILE",
            description = "CSV with a header timestamp,price: ISO-8601 instants in ascending order, decimal prices")
    private Path file;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "history per wall-clock time: 60 replays a minute a second; 0 as fast as the service "
                    + "answers (default: ${DEFAULT-VALUE})")
    private double speed;

    @Option(names = "--advance-clock", description = "local mode: move the service's clock by each gap and post at "
            + "its now, instead of waiting and posting the history's timestamps")
    private boolean advanceClock;

    @Option(names = "--token", paramLabel = "JWT", description = "a bearer token with the oracle role (default: "
            + "$BACKSTOP_TOKEN; in local mode, a dev token is asked for)")
    private String token;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** On standard output and error. */
    public OracleReplayCommand() {
        this(System.out, System.err);
    }

    OracleReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One row of the history. */
    record Row(int line, Instant at, BigDecimal price) {
    }

    @Override
    public Integer call() throws Exception {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new ParameterException(spec.commandLine(), "--speed must be 0 or more, was " + speed);
        }
        List<Row> rows;
        try {
            rows = read(Files.readAllLines(file));
        } catch (NoSuchFileException e) {
            err.println("oracle-replay: file not found: " + file);
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("oracle-replay: " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            String bearer = token != null ? token : System.getenv("BACKSTOP_TOKEN") != null
                    ? System.getenv("BACKSTOP_TOKEN") : devToken();
            return replay(rows, bearer);
        } catch (IOException e) {
            err.println("oracle-replay: the service at " + url + " did not answer: " + e.getMessage());
            return REFUSED;
        }
    }

    /** The rows of a history: a header {@code timestamp,price}, then instants strictly ascending, prices > 0. */
    static List<Row> read(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase("timestamp,price")) {
            throw new IllegalArgumentException("line 1: the header must be timestamp,price");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected timestamp,price, found "
                        + fields.length + " fields");
            }
            Instant at;
            BigDecimal price;
            try {
                at = Instant.parse(fields[0].strip());
                price = new BigDecimal(fields[1].strip());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not an ISO-8601 instant and a decimal: "
                        + line);
            }
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": the price must be positive, was " + price);
            }
            if (!rows.isEmpty() && !at.isAfter(rows.get(rows.size() - 1).at())) {
                throw new IllegalArgumentException("line " + (i + 1) + ": timestamps must ascend, " + at
                        + " is not after " + rows.get(rows.size() - 1).at());
            }
            rows.add(new Row(i + 1, at, price));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no prices after the header");
        }
        return rows;
    }

    private int replay(List<Row> rows, String bearer) throws IOException, InterruptedException {
        int accepted = 0;
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Duration gap = i == 0 ? Duration.ZERO : Duration.between(rows.get(i - 1).at(), row.at());
            if (advanceClock) {
                if (!gap.isZero()) {
                    HttpResponse<String> moved = send("POST", "/api/v1/dev/clock/advance", null,
                            JSON.createObjectNode().put("duration", gap.toString()));
                    if (moved.statusCode() != 200) {
                        throw new IOException("--advance-clock needs a local-mode service; its clock answered "
                                + moved.statusCode());
                    }
                }
            } else if (speed > 0) {
                long due = started + (long) (Duration.between(rows.get(0).at(), row.at()).toNanos() / speed);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            ObjectNode report = JSON.createObjectNode().put("underlying", underlying)
                    .put("price", row.price().toPlainString());
            if (!advanceClock) {
                report.put("timestamp", row.at().toString());
            }
            HttpResponse<String> answer = send("POST", "/api/v1/oracle/prices", bearer, report);
            if (answer.statusCode() == 201) {
                accepted++;
            } else {
                refused++;
                JsonNode problem = parse(answer.body());
                String type = problem.path("type").asText("");
                err.println(String.format(Locale.ROOT, "oracle-replay: line %d (%s, %s): %d %s: %s", row.line(),
                        row.at(), row.price().toPlainString(), answer.statusCode(),
                        type.substring(type.lastIndexOf('/') + 1), problem.path("detail").asText(answer.body())));
            }
        }
        out.println(String.format(Locale.ROOT, "replayed %d prices of %s from %s to %s: %d accepted, %d refused",
                rows.size(), underlying, rows.get(0).at(), rows.get(rows.size() - 1).at(), accepted, refused));
        return refused == 0 ? OK : REFUSED;
    }

    /** A dev token with the oracle role, which only a local-mode service signs. */
    private String devToken() throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", "/api/v1/dev/tokens", null, JSON.createObjectNode()
                .put("subject", "oracle-replay").set("roles", JSON.createArrayNode().add("oracle")));
        if (answer.statusCode() != 200) {
            throw new IOException("no --token given and the service signs no dev token (" + answer.statusCode()
                    + "): not in local mode");
        }
        return parse(answer.body()).path("token").asText();
    }

    private HttpResponse<String> send(String method, String path, String bearer, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
