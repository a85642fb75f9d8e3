package io.backstop.service;

import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up mid-request are an ordinary event: 200 requests over the database-backed endpoints are cut
 * at once or a few milliseconds after being sent (a TCP reset, as a killed browser tab or a client timeout sends),
 * more than the connection pool holds ten times over. Afterwards no database session is left idle inside a
 * transaction, and the service answers more concurrent requests than its pool has connections.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class DroppedClientsTest {

    private static final String VAULT = "/api/v1/vaults/drop";

    @TestHTTPResource("/")
    URI base;

    @Test
    void requestsCutMidFlightRollBackAndGiveTheirConnectionsBack() throws Exception {
        Api.openVault("drop", "DROP", Map.of("quoteValidity", "PT2M"));
        Api.price("DROP", "2000");
        String lp = token("dora", "lp");
        String trader = token("dan", "trader");
        post(lp, VAULT + "/deposits", Map.of("amount", "1000000")).statusCode(201);
        String expiry = Api.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8))
                .toString();
        String quote = "{\"type\":\"call\",\"strike\":\"2100\",\"expiry\":\"" + expiry + "\",\"quantity\":\"1\"}";

        for (int i = 0; i < 200; i++) {
            switch (i % 5) {
                case 0 -> cut(i, "POST", VAULT + "/quotes", trader, null, quote);
                case 1 -> cut(i, "POST", VAULT + "/deposits", lp, "cut-" + i, "{\"amount\":\"10\"}");
                case 2 -> cut(i, "GET", VAULT, null, null, null);
                case 3 -> cut(i, "GET", VAULT + "/buffer", null, null, null);
                default -> cut(i, "GET", VAULT + "/series", null, null, null);
            }
        }

        // Every cut request ran to its end or rolled back: no session sits idle inside a transaction for seconds,
        // which a live command, sending its statements back to back, never does.
        Instant deadline = Instant.now().plusSeconds(20);
        while (!stuckTransactions().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stuckTransactions()).as("sessions idle in transaction").isEmpty();
        // And the pool has every connection back: between the background timers' short transactions (the relay,
        // the tail, the price feed and the repricing it triggers, metrics) there is an instant with none in use,
        // which a leaked connection would never allow. The reading that saw it is the one asserted: a timer may
        // take a connection again a moment later.
        double inUse = connectionsInUse();
        while (inUse > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            inUse = connectionsInUse();
        }
        assertThat(inUse).as("pooled connections in use at rest").isZero();

        // Forty requests at once, twice the pool: each is served, none waits for a connection that never returns.
        HttpClient client = Api.HTTP;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(base.resolve(VAULT.substring(1) + "/quotes"))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + trader)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(quote))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(201);
        }
        assertThat(client.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** Sends a request and resets the connection at once or a few milliseconds later, without reading a byte. */
    private void cut(int i, String method, String path, String token, String key, String body) throws Exception {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (key != null) {
            request.append("Idempotency-Key: ").append(key).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length)
                    .append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            Thread.sleep(i % 4);
        }
    }

    /** The reactive pool's connections in use, from the service's own metrics. */
    private double connectionsInUse() throws Exception {
        String metrics = Api.HTTP.send(HttpRequest.newBuilder(base.resolve("q/metrics"))
                .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("sql_pool_active{")).mapToDouble(line -> Double
                .parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    /** Sessions idle inside a transaction for over two seconds, each as its age and last statement. */
    private static List<String> stuckTransactions() throws Exception {
        List<String> stuck = new ArrayList<>();
        try (Connection db = LocalDatabase.connect(); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT now() - state_change, query FROM pg_stat_activity WHERE "
                        + "datname = current_database() AND state LIKE 'idle in transaction%' "
                        + "AND state_change < now() - interval '2 seconds'")) {
            while (rows.next()) {
                stuck.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return stuck;
    }
}
