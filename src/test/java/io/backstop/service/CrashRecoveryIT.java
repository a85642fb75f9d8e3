package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, started with the README's command ({@code ./backstop serve --data-dir=… --port=…}) in a
 * JVM of its own, is killed with SIGKILL five times while four LPs deposit into it, and started again each time with
 * the same command:
 * <ul>
 * <li>its PostgreSQL does not outlive it for long (the watchdog stops it within seconds), and when the watchdog is
 * killed too, the next start stops the orphaned server and starts as usual;</li>
 * <li>every deposit the service acknowledged is there once: sent again with its key it is replayed, not booked
 * again; every deposit whose answer was lost is booked at most once, and once after it is sent again;</li>
 * <li>the vault's cash is the sum of the deposits and every balance equals the fold of the journal;</li>
 * <li>local mode's secrets are readable by the service's user alone, the database asks for the password, and
 * stopping the service normally logs no error and stops its PostgreSQL.</li>
 * </ul>
 */
class CrashRecoveryIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).getParent();
    private static final String VAULT = "/api/v1/vaults/eth-usd";
    private static final int ROUNDS = 5;
    private static final int LPS = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Path dataDir;
    private int port;
    private Process service;
    private Path log;

    @BeforeEach
    void directories() throws IOException {
        dataDir = Files.createTempDirectory("backstop-crash");
        port = freePort();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        awaitPostmasterGone(Duration.ofSeconds(30));
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void killedFiveTimesUnderLoadEveryAcknowledgedDepositIsThereOnce() throws Exception {
        start(0);
        List<String> lps = new ArrayList<>();
        for (int i = 0; i < LPS; i++) {
            lps.add(token("crash-lp-" + i, "lp"));
        }
        long cashBefore = units(json(get(VAULT)).getJsonObject("balances").getString("cash"));

        Map<String, Deposit> acknowledged = new ConcurrentHashMap<>();
        Map<String, Deposit> unanswered = new ConcurrentHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            ExecutorService load = Executors.newFixedThreadPool(LPS);
            List<Future<?>> clients = new ArrayList<>();
            int r = round;
            for (int lp = 0; lp < LPS; lp++) {
                int l = lp;
                clients.add(load.submit(() -> deposits(r, l, lps.get(l), acknowledged, unanswered)));
            }
            Thread.sleep(3_000);
            boolean orphan = round % 2 == 0;
            if (orphan) {
                // The watchdog dies first: the server is left running for the next start to find.
                ProcessHandle.of(Long.parseLong(Files.readString(dataDir.resolve("watchdog.pid")).trim()))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
            long postmaster = postmasterPid();
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
            if (orphan) {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("orphaned server")
                        .contains(true);
            } else {
                awaitPostmasterGone(Duration.ofSeconds(15));
            }
            start(round);
            if (orphan) {
                assertThat(Files.readString(log)).contains("left running in");
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * LPS);

        long expected = cashBefore;
        for (Map.Entry<String, Deposit> entry : acknowledged.entrySet()) {
            HttpResponse<String> again = deposit(entry.getValue(), entry.getKey());
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).as(entry.getKey()).contains("true");
            assertThat(again.body()).isEqualTo(entry.getValue().answer);
            expected += units(entry.getValue().amount);
        }
        int bookedUnanswered = 0;
        for (Map.Entry<String, Deposit> entry : unanswered.entrySet()) {
            HttpResponse<String> again = deposit(entry.getValue(), entry.getKey());
            assertThat(again.statusCode()).isEqualTo(201);
            bookedUnanswered += again.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            expected += units(entry.getValue().amount);
        }
        System.out.printf("CrashRecoveryIT: %d rounds, %d deposits acknowledged, %d unanswered (%d of them booked "
                + "before the kill)%n", ROUNDS, acknowledged.size(), unanswered.size(), bookedUnanswered);
        assertThat(units(json(get(VAULT)).getJsonObject("balances").getString("cash"))).isEqualTo(expected);

        try (Connection db = database()) {
            assertThat(JournalFold.mismatches(db)).isEmpty();
            try (Statement s = db.createStatement(); ResultSet row = s.executeQuery(
                    "SELECT count(*) FROM vault_event WHERE vault = 'eth-usd' AND type = 'DepositMade'")) {
                row.next();
                assertThat(row.getLong(1)).as("deposits booked").isEqualTo(acknowledged.size() + unanswered.size());
            }
        }
        assertThat(refusesWithoutPassword(port())).as("a connection without the password refused").isTrue();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt/private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("secrets/database-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // A normal stop: requests drained, timers stopped, then the database; nothing logged as an error.
        long lastLog = Files.size(log);
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        awaitPostmasterGone(Duration.ofSeconds(10));
        String stopping = Files.readString(log).substring((int) lastLog);
        assertThat(stopping).doesNotContain("ERROR").doesNotContain("57P03");
    }

    /** A deposit and, once acknowledged, the service's answer. */
    private record Deposit(String token, String amount, String answer) {
    }

    private void deposits(int round, int lp, String token, Map<String, Deposit> acknowledged,
            Map<String, Deposit> unanswered) {
        for (int n = 0; service.isAlive(); n++) {
            String key = "r" + round + "-lp" + lp + "-" + n;
            Deposit deposit = new Deposit(token, (1 + (round * 31 + lp * 7 + n) % 997) + ".5", null);
            unanswered.put(key, deposit);
            try {
                HttpResponse<String> answer = deposit(deposit, key);
                if (answer.statusCode() == 201) {
                    unanswered.remove(key);
                    acknowledged.put(key, new Deposit(token, deposit.amount, answer.body()));
                } else if (answer.statusCode() < 500) {
                    throw new AssertionError("deposit " + key + " refused: " + answer.body());
                }
            } catch (IOException e) {
                return;     // the service is gone mid-request: its answer is lost, not its deposit's fate
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> deposit(Deposit deposit, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(VAULT + "/deposits")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + deposit.token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + deposit.amount + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts the service with the launcher, as the README says, and waits until it is ready. */
    private void start(int round) throws Exception {
        log = dataDir.resolve("service-" + round + ".log");
        ProcessBuilder launcher = new ProcessBuilder("bash", REPOSITORY.resolve("backstop").toString(), "serve",
                "--data-dir=" + dataDir, "--port=" + port)
                .directory(REPOSITORY.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        launcher.environment().put("BACKSTOP_FEED_ENABLED", "false");
        launcher.environment().remove("QUARKUS_DATASOURCE_REACTIVE_URL");
        service = launcher.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited (round " + round + "): " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service was not ready in time (round " + round + "): " + Files.readString(log));
    }

    private String token(String subject, String role) throws Exception {
        return json(http.send(HttpRequest.newBuilder(uri("/api/v1/dev/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"subject\":\"" + subject + "\",\"roles\":[\"" + role + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getString("token");
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "backstop",
                Files.readString(dataDir.resolve("secrets/database-password")).trim());
    }

    /** The local PostgreSQL's port, from its postmaster.pid. */
    private int port() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    private void awaitPostmasterGone(Duration timeout) throws Exception {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        Instant deadline = Instant.now().plus(timeout);
        while (postmasterAlive(pidFile)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("PostgreSQL still running " + timeout.toSeconds() + " s after its service");
            }
            Thread.sleep(100);
        }
    }

    private boolean postmasterAlive(Path pidFile) {
        try {
            return ProcessHandle.of(postmasterPid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException gone) {
            return false;   // no postmaster.pid (or half of one): no server
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonObject json(String text) {
        return new JsonObject(text);
    }

    private static long units(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(6).longValueExact();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether the local PostgreSQL refuses the service's role without its password. */
    private static boolean refusesWithoutPassword(int port) {
        try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "backstop", "")) {
            return false;
        } catch (java.sql.SQLException e) {
            return true;
        }
    }
}
