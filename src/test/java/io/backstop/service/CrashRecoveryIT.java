package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    private static final String VAULT = "/api/v1/vaults/eth-usd";
    private static final int ROUNDS = 5;
    private static final int LPS = 4;

    private LaunchedService service;
    private Path dataDir;

    @BeforeEach
    void directories() throws IOException {
        service = new LaunchedService("backstop-crash", Map.of("BACKSTOP_FEED_ENABLED", "false"));
        dataDir = service.dataDir();
    }

    @AfterEach
    void cleanUp() throws Exception {
        service.close();
    }

    @Test
    void killedFiveTimesUnderLoadEveryAcknowledgedDepositIsThereOnce() throws Exception {
        service.start("service-0");
        List<String> lps = new ArrayList<>();
        for (int i = 0; i < LPS; i++) {
            lps.add(service.token("crash-lp-" + i, "lp"));
        }
        long cashBefore = units(json(service.get(VAULT)).getJsonObject("balances").getString("cash"));

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
            long postmaster = service.postmasterPid();
            service.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
            if (orphan) {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("orphaned server")
                        .contains(true);
            } else {
                service.awaitPostmasterGone(Duration.ofSeconds(15));
            }
            service.start("service-" + round);
            if (orphan) {
                assertThat(Files.readString(service.log())).contains("left running in");
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
        assertThat(units(json(service.get(VAULT)).getJsonObject("balances").getString("cash"))).isEqualTo(expected);

        try (Connection db = service.database()) {
            assertThat(JournalFold.mismatches(db)).isEmpty();
            try (Statement s = db.createStatement(); ResultSet row = s.executeQuery(
                    "SELECT count(*) FROM vault_event WHERE vault = 'eth-usd' AND type = 'DepositMade'")) {
                row.next();
                assertThat(row.getLong(1)).as("deposits booked").isEqualTo(acknowledged.size() + unanswered.size());
            }
        }
        assertThat(refusesWithoutPassword(service.databasePort())).as("a connection without the password refused")
                .isTrue();
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt/private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("jwt")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("secrets/database-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // A normal stop: requests drained, timers stopped, then the database; nothing logged as an error.
        long lastLog = Files.size(service.log());
        assertThat(service.stop()).isTrue();
        String stopping = Files.readString(service.log()).substring((int) lastLog);
        assertThat(stopping).doesNotContain("ERROR").doesNotContain("57P03");
    }

    /** A deposit and, once acknowledged, the service's answer. */
    private record Deposit(String token, String amount, String answer) {
    }

    private void deposits(int round, int lp, String token, Map<String, Deposit> acknowledged,
            Map<String, Deposit> unanswered) {
        for (int n = 0; service.process().isAlive(); n++) {
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
        return service.send(HttpRequest.newBuilder(service.uri(VAULT + "/deposits")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + deposit.token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + deposit.amount + "\"}")).build());
    }

    private static JsonObject json(String text) {
        return new JsonObject(text);
    }

    private static long units(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(6).longValueExact();
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
