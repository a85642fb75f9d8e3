package io.backstop.service;

import static io.backstop.service.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fuzzer over every endpoint: 2,400 requests built from hostile parts (numbers with absurd exponents or digits,
 * control characters, overflowing durations and instants, duplicated keys, wrong shapes, oversized ids, headers and
 * bodies, wrong or missing tokens), seeded so that a failure can be replayed. Every answer is below 500; every
 * refusal is an {@code application/problem+json} document with a stable type and its status; and a refused request
 * leaves the books exactly as they were (the fuzz vault's journal, events, quotes, positions, accounts, audit
 * trail, prices and idempotency keys, and the set of vaults).
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class HostileInputTest {

    private static final long SEED = 21;
    private static final int REQUESTS = 2_400;
    private static final String VAULT = "/api/v1/vaults/fuzz";

    private static final List<String> NUMBERS = List.of("\"0E-1000000000\"", "\"1E+2147483647\"", "1e400",
            "-1e400", "\"1e400\"", "\"-1E-2147483648\"", "\"NaN\"", "\"Infinity\"", "\"-0\"", "0", "-0.0", "\"\"",
            "\" \"", "\"0x10\"", "\"1_000\"", "\"\\u0661\\u0662\"", "\"1,5\"", "\"1.\"", "\".5\"", "9".repeat(900),
            "\"" + "9".repeat(5000) + "\"", "\"0." + "0".repeat(3000) + "1\"", "\"1." + "0".repeat(3000) + "\"",
            "1.0000000000000000000000001", "true", "null", "[]", "{}", "\"\\u0000\"", "-5", "\"1e-7\"",
            "123456789012345678901234567890", "0.0000001", "\"9223372036854.775808\"", "1E+19");
    private static final List<String> TEXTS = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\u202e\"",
            "\"" + "x".repeat(10_000) + "\"", "\"../../etc/passwd\"", "\"' OR 1=1 --\"",
            "\"<script>alert(1)</script>\"", "\"\\ud800\"", "\"\\ud83d\\ude00\"", "\"\"", "\" \"", "1e400", "null",
            "[]", "{\"a\":1}", "\"\\n\"", "\"%00\"", "\"ETH\\r\\nX-Injected: 1\"", "\"\\u007f\"", "12");
    private static final List<String> DURATIONS = List.of("\"PT2562047788015215H\"", "\"P-1D\"", "\"PT-1S\"",
            "\"P999999999D\"", "\"PT0S\"", "\"1h\"", "\"P1Y\"", "\"PT9223372036854775807S\"", "\"P106751991167301D\"");
    private static final List<String> INSTANTS = List.of("\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00Z\"", "\"2026-02-30T08:00:00Z\"", "\"9999-12-31T08:00:00Z\"",
            "\"1970-01-01T00:00:00Z\"", "\"2026-12-06\"", "\"now\"", "\"+1000000000-01-01T00:00:00Z\"");
    private static final List<String> TYPES = List.of("\"call\"", "\"put\"", "\"CALL\"", "\"straddle\"");
    private static final List<String> IDS = List.of("fuzz", "%00", "fu%00zz", "x".repeat(5_000), "y".repeat(9_000),
            "..", "%2e%2e", "FUZZ", "-a", "a%20b", "%C3%BC", "%FF", "fuzz%0A", "nope");
    private static final List<String> BAD_BODIES = List.of("", "[]", "null", "{", "\"text\"", "1e400",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001),
            "{\"amount\":\"1\",\"amount\":\"2\"}", "{\"amount\":\"1\"}garbage", "\u0000", "x".repeat(70_000));

    /** An endpoint: method, path after the vault (or absolute when it starts with /), role, fields. */
    private record Endpoint(String method, String path, String role, boolean idempotent,
            Map<String, List<String>> fields) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/vaults", "operator", false, Map.of("id", TEXTS, "underlying", TEXTS,
                    "quoteCurrency", TEXTS, "referencePrice", NUMBERS, "parameters", List.of(
                            "{\"maxUtilization\":1e400}",
                            "{\"tradingCutoff\":\"PT2562047788015215H\"}", "{\"maxUtilization\":\"0E-1000000000\"}",
                            "{\"\\u0000\":1}", "{\"spreadBase\":\"" + "1".repeat(100) + "\"}", "[]", "7"))),
            new Endpoint("GET", "", null, false, Map.of()),
            new Endpoint("GET", "/series", null, false, Map.of()),
            new Endpoint("GET", "/settlements", null, false, Map.of()),
            new Endpoint("GET", "/buffer", null, false, Map.of()),
            new Endpoint("GET", "/accounts/me", "lp", false, Map.of()),
            new Endpoint("GET", "/api/v1/positions", "trader", false, Map.of()),
            new Endpoint("POST", "/deposits", "lp", true, Map.of("amount", NUMBERS)),
            new Endpoint("POST", "/withdrawals", "lp", true, Map.of("shares", NUMBERS)),
            new Endpoint("POST", "/quotes", "trader", false, Map.of("type", TYPES, "strike", NUMBERS,
                    "expiry", INSTANTS, "quantity", NUMBERS)),
            new Endpoint("POST", "/trades", "trader", true, Map.of("quoteId", TEXTS, "maxPremium", NUMBERS)),
            new Endpoint("POST", "/buffer/top-ups", "operator", true, Map.of("amount", NUMBERS)),
            new Endpoint("PUT", "/buffer/policy", "operator", false, Map.of("bufferFeeShare", NUMBERS,
                    "tradingCutoff", DURATIONS, "reason", TEXTS)),
            new Endpoint("POST", "/buffer/policy/preview", "operator", false, Map.of("bufferFeeShare", NUMBERS,
                    "paths", NUMBERS, "horizonDays", NUMBERS, "seed", NUMBERS)),
            new Endpoint("POST", "/settlements", "operator", false, Map.of()),
            new Endpoint("POST", "/api/v1/oracle/prices", "oracle", false, Map.of("underlying", TEXTS,
                    "price", NUMBERS, "timestamp", INSTANTS)),
            new Endpoint("POST", "/api/v1/dev/tokens", null, false, Map.of("subject", TEXTS, "roles", TEXTS)),
            new Endpoint("POST", "/api/v1/dev/clock/advance", null, false, Map.of("duration", DURATIONS)),
            new Endpoint("GET", "/events", null, false, Map.of()));

    @TestHTTPResource("/")
    URI base;

    private final Random random = new Random(SEED);
    private Connection db;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    @Test
    void hostileRequestsAreRefusedWithProblemDocumentsAndChangeNothing() throws Exception {
        if (given("/api/v1/vaults/fuzz") == 404) {
            Api.openVault("fuzz", "FUZZ", Map.of());
        }
        for (String role : List.of("lp", "trader", "operator", "oracle")) {
            tokens.put(role, token("fuzz-" + role, role));
        }
        db = LocalDatabase.connect();
        HttpClient client = Api.HTTP;
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < REQUESTS && failures.size() < 10; i++) {
            Endpoint endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            String id = endpoint.path().startsWith("/") ? "" : pick(IDS);
            if (endpoint.path().equals("/events") && (id.equals("fuzz") || id.equals("nope"))) {
                id = "%00";     // a valid id would open a stream that never ends; the hostile ones must not
            }
            String path = endpoint.path().startsWith("/") ? endpoint.path() : "/api/v1/vaults/" + id + endpoint.path();
            String body = endpoint.method().equals("GET") ? null : body(endpoint);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                    .timeout(Duration.ofSeconds(30));
            headers(request, endpoint, i);
            request.method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            String before = fingerprint();
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String what = "#" + i + " " + endpoint.method() + " " + shorten(path) + " " + shorten(body) + " -> "
                    + response.statusCode() + " " + shorten(response.body());
            int status = response.statusCode();
            if (status >= 500) {
                failures.add("5xx: " + what);
            } else if (status >= 400) {
                refused++;
                String type = response.headers().firstValue("content-type").orElse("");
                if (!type.startsWith("application/problem+json")) {
                    failures.add("not a problem document: " + what);
                } else {
                    JsonObject problem = json(response.body());
                    if (problem == null || !problem.getString("type", "").startsWith("https://backstop.io/problems/")
                            || problem.getInteger("status", 0) != status || problem.getString("detail") == null) {
                        failures.add("malformed problem: " + what);
                    }
                }
                String after = fingerprint();
                if (!after.equals(before)) {
                    failures.add("refused but changed the books (" + before + " -> " + after + "): " + what);
                }
            }
        }
        db.close();
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(refused).as("refused requests").isGreaterThan(REQUESTS * 3 / 4);
    }

    private String body(Endpoint endpoint) {
        if (endpoint.fields().isEmpty() || random.nextInt(8) == 0) {
            return endpoint.fields().isEmpty() && random.nextBoolean() ? null : pick(BAD_BODIES);
        }
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, List<String>> field : endpoint.fields().entrySet()) {
            if (random.nextInt(6) == 0) {
                continue;
            }
            List<String> values = random.nextInt(10) == 0 ? TEXTS : field.getValue();
            json.append(json.length() > 1 ? "," : "").append('"').append(field.getKey()).append("\":")
                    .append(pick(values));
            if (random.nextInt(12) == 0) {
                json.append(",\"").append(field.getKey()).append("\":").append(pick(values));
            }
        }
        if (random.nextInt(10) == 0) {
            json.append(json.length() > 1 ? "," : "").append("\"owner\":\"mallory\"");
        }
        return json.append('}').toString();
    }

    private void headers(HttpRequest.Builder request, Endpoint endpoint, int i) {
        int auth = random.nextInt(10);
        if (endpoint.role() != null && auth < 6) {
            request.header("Authorization", "Bearer " + tokens.get(endpoint.role()));
        } else if (auth == 6) {
            request.header("Authorization", "Bearer " + tokens.get(pick(List.of("lp", "trader", "oracle"))));
        } else if (auth == 7) {
            request.header("Authorization", pick(List.of("Bearer abc", "Basic YTpi", "Bearer " + "a".repeat(20_000),
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbIm9wZXJhdG9yIl19.")));
        }
        if (endpoint.idempotent() || random.nextInt(10) == 0) {
            request.header("Idempotency-Key", pick(List.of("fuzz-" + SEED + "-" + i, "k".repeat(300),
                    "k".repeat(9_000), "\u00e9t\u00e9", "fuzz-" + SEED + "-" + i, "fuzz-" + SEED + "-" + i)));
        }
        int type = random.nextInt(12);
        if (type == 0) {
            request.header("Content-Type", "text/plain");
        } else if (type == 1) {
            request.header("Content-Type", "application/json; charset=latin1");
        } else if (type != 2) {
            request.header("Content-Type", "application/json");
        }
    }

    /** What a refused request must leave as it was. */
    private String fingerprint() throws Exception {
        try (Statement s = db.createStatement();
                ResultSet row = s.executeQuery("SELECT (SELECT count(*) FROM journal WHERE vault = 'fuzz'), "
                        + "(SELECT count(*) FROM vault_event WHERE vault = 'fuzz'), "
                        + "(SELECT count(*) FROM quote WHERE vault = 'fuzz'), "
                        + "(SELECT count(*) FROM position WHERE vault = 'fuzz'), "
                        + "(SELECT count(*) FROM lp_account WHERE vault = 'fuzz'), "
                        + "(SELECT count(*) FROM parameter_change WHERE vault = 'fuzz'), "
                        + "(SELECT count(*) FROM oracle_price WHERE underlying NOT IN (SELECT DISTINCT underlying "
                        + "FROM vault WHERE id <> 'fuzz')), "
                        + "(SELECT count(*) FROM idempotency_key WHERE subject LIKE 'fuzz-%'), "
                        + "(SELECT count(*) FROM vault), (SELECT cash FROM vault WHERE id = 'fuzz')")) {
            row.next();
            StringBuilder print = new StringBuilder();
            for (int column = 1; column <= 10; column++) {
                print.append(row.getString(column)).append(column < 10 ? "/" : "");
            }
            return print.toString();
        }
    }

    private static JsonObject json(String text) {
        try {
            return new JsonObject(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int given(String path) throws Exception {
        return Api.HTTP.send(HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
