package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A command that PostgreSQL aborts as a deadlock victim runs again and succeeds, once: the client never sees the
 * database's abort. The deadlock is real, made by a second connection that holds the vault's lock and then waits
 * on the request's idempotency key while the request waits on the vault.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class ContentionTest {

    private static final Pattern RETRIES = Pattern.compile("(?m)^backstop_transaction_retries_total\\S* (\\S+)$");


    @Test
    void aDeadlockVictimIsRunAgainAndTheMoneyMovesOnce() throws Exception {
        Api.openVault("knot", "KNOT", Map.of());
        String lp = token("dora", "lp");
        double retriesBefore = retries();
        try (Connection holder = LocalDatabase.connect();
                Connection watcher = LocalDatabase.connect();
                Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            // This session must not be the one PostgreSQL picks as the victim: the request's session checks first.
            hold.execute("SET LOCAL deadlock_timeout = '30s'");
            hold.executeQuery("SELECT 1 FROM vault WHERE id = 'knot' FOR UPDATE").close();

            CompletableFuture<Response> deposit = CompletableFuture.supplyAsync(() -> as(lp)
                    .header("Idempotency-Key", "knot-1").body(Map.of("amount", "1000"))
                    .post("/api/v1/vaults/knot/deposits"));
            awaitWaiters(watcher, 1);
            // The request holds its key row and waits for the vault; now this session waits for the key row.
            hold.executeUpdate("INSERT INTO idempotency_key (subject, key, request_hash, status, body, created_at)"
                    + " VALUES ('dora', 'knot-1', 'x', 0, '', now())");
            // Reaching here means PostgreSQL aborted the request's first attempt. Its second attempt now waits for
            // this session, which gives everything back.
            holder.rollback();

            Response response = deposit.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            assertThat(response.jsonPath().getString("amount")).isEqualTo("1000");
        }
        assertThat(retries()).isGreaterThanOrEqualTo(retriesBefore + 1);
        // One deposit, not two: the aborted attempt left nothing behind.
        assertThat(given().get("/api/v1/vaults/knot").then().statusCode(200).extract().<String>path("balances.cash"))
                .isEqualTo("1000");
    }

    @Test
    void aConcurrentDuplicateOfAnInFlightRequestIs409AndMovesNothing() throws Exception {
        Api.openVault("twin", "TWIN", Map.of());
        String lp = token("tara", "lp");
        try (Connection holder = LocalDatabase.connect();
                Connection watcher = LocalDatabase.connect();
                Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.executeQuery("SELECT 1 FROM vault WHERE id = 'twin' FOR UPDATE").close();
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> as(lp)
                    .header("Idempotency-Key", "twin-1").body(Map.of("amount", "500"))
                    .post("/api/v1/vaults/twin/deposits"));
            awaitWaiters(watcher, 1);
            // The duplicate finds no committed key, inserts its own and waits on the first request's row.
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> as(lp)
                    .header("Idempotency-Key", "twin-1").body(Map.of("amount", "500"))
                    .post("/api/v1/vaults/twin/deposits"));
            awaitWaiters(watcher, 2);
            holder.rollback();

            Response firstResponse = first.get(30, TimeUnit.SECONDS);
            Response secondResponse = second.get(30, TimeUnit.SECONDS);
            assertThat(firstResponse.statusCode()).as(firstResponse.asString()).isEqualTo(201);
            assertThat(secondResponse.statusCode()).as(secondResponse.asString()).isEqualTo(409);
            assertThat(secondResponse.contentType()).isEqualTo("application/problem+json");
            assertThat(secondResponse.jsonPath().getString("type"))
                    .isEqualTo("https://backstop.io/problems/idempotency-conflict");
        }
        assertThat(given().get("/api/v1/vaults/twin").then().statusCode(200).extract().<String>path("balances.cash"))
                .isEqualTo("500");
        // Once the first has committed, the same key replays its response.
        as(lp).header("Idempotency-Key", "twin-1").body(Map.of("amount", "500"))
                .post("/api/v1/vaults/twin/deposits").then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aQuoteIsAnsweredWhileTheVaultIsLockedAndItsTradeWaitsForTheLock() throws Exception {
        String expiry = tradingVault("calm", "CALM");
        String trader = token("quinn", "trader");
        Map<String, Object> ask = Map.of("type", "call", "strike", "2000", "expiry", expiry, "quantity", "1");
        try (Connection holder = LocalDatabase.connect();
                Connection watcher = LocalDatabase.connect();
                Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            // The lock every command takes on its vault (Hibernate's PESSIMISTIC_WRITE on PostgreSQL).
            hold.executeQuery("SELECT 1 FROM vault WHERE id = 'calm' FOR NO KEY UPDATE").close();

            // A quote moves no money: it is priced on the vault as last committed, lock or no lock.
            Response quote = CompletableFuture.supplyAsync(() -> as(trader).body(ask)
                    .post("/api/v1/vaults/calm/quotes")).get(20, TimeUnit.SECONDS);
            assertThat(quote.statusCode()).as(quote.asString()).isEqualTo(201);
            String quoteId = quote.jsonPath().getString("quoteId");

            // Taking it moves money, so the trade waits for the vault until the holder lets go.
            CompletableFuture<Response> trade = CompletableFuture.supplyAsync(() -> as(trader)
                    .header("Idempotency-Key", "calm-1").body(Map.of("quoteId", quoteId, "maxPremium", "1000"))
                    .post("/api/v1/vaults/calm/trades"));
            awaitWaiters(watcher, 1);
            assertThat(trade).isNotDone();
            holder.rollback();
            Response traded = trade.get(30, TimeUnit.SECONDS);
            assertThat(traded.statusCode()).as(traded.asString()).isEqualTo(201);
        }
    }

    @Test
    void quotesAskedAtOnceAreNumberedApartAndAboveEveryNumberTheVaultHasUsed() throws Exception {
        String expiry = tradingVault("many", "MANY");
        String trader = token("ravi", "trader");
        Map<String, Object> ask = Map.of("type", "put", "strike", "1900", "expiry", expiry, "quantity", "0.5");
        List<CompletableFuture<Response>> asked = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            asked.add(CompletableFuture.supplyAsync(() -> as(trader).body(ask).post("/api/v1/vaults/many/quotes")));
        }
        Set<String> ids = new HashSet<>();
        for (CompletableFuture<Response> q : asked) {
            Response r = q.get(30, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            ids.add(r.jsonPath().getString("quoteId"));
        }
        assertThat(ids).hasSize(40).allMatch(id -> id.matches("many-q\\d+"));
        try (Connection c = LocalDatabase.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM quote WHERE vault = 'many'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(40);
        }
    }

    @Test
    void tradesQueueInTheServiceNotOnTheVaultsLockAndAllGoThroughInTheEnd() throws Exception {
        String expiry = tradingVault("queue", "QUEUE");
        String trader = token("uma", "trader");
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            quotes.add(as(trader).body(Map.of("type", "call", "strike", "2000", "expiry", expiry, "quantity", "0.1"))
                    .post("/api/v1/vaults/queue/quotes").then().statusCode(201).extract().path("quoteId"));
        }
        try (Connection holder = LocalDatabase.connect();
                Connection watcher = LocalDatabase.connect();
                Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.executeQuery("SELECT 1 FROM vault WHERE id = 'queue' FOR NO KEY UPDATE").close();
            List<CompletableFuture<Response>> trades = new ArrayList<>();
            for (int i = 0; i < quotes.size(); i++) {
                String quoteId = quotes.get(i);
                String key = "queue-" + i;
                trades.add(CompletableFuture.supplyAsync(() -> as(trader).header("Idempotency-Key", key)
                        .body(Map.of("quoteId", quoteId, "maxPremium", "1000")).post("/api/v1/vaults/queue/trades")));
            }
            // Two reach the database and wait on the lock; the other four wait in the service, holding nothing.
            awaitWaiters(watcher, 2);
            Thread.sleep(1_000);
            assertThat(waiters(watcher)).isEqualTo(2);
            assertThat(trades).noneMatch(CompletableFuture::isDone);
            holder.rollback();
            for (CompletableFuture<Response> trade : trades) {
                Response r = trade.get(30, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            }
        }
        assertThat(given().get("/api/v1/vaults/queue/series").then().statusCode(200).extract()
                .<String>path("series[0].openInterest")).isEqualTo("0.6");
    }

    /** Opens a vault with a price and 100,000 USD of liquidity; the expiry its tests trade, three days out. */
    /**
     * A vault's view reads the vault as last committed in one statement, outside the lock: it answers while a
     * command holds the vault, and it is the view the session-read list shows, series and price included.
     */
    @Test
    void aVaultIsReadAsLastCommittedWhileItIsLockedAndAsTheListShowsIt() throws Exception {
        String expiry = tradingVault("seen", "SEEN");
        String trader = token("sven", "trader");
        for (String type : List.of("call", "put")) {
            String quoteId = as(trader).body(Map.of("type", type, "strike", "2000", "expiry", expiry, "quantity", "2"))
                    .post("/api/v1/vaults/seen/quotes").then().statusCode(201).extract().path("quoteId");
            as(trader).header("Idempotency-Key", "seen-" + type).body(Map.of("quoteId", quoteId,
                    "maxPremium", "1000")).post("/api/v1/vaults/seen/trades").then().statusCode(201);
        }
        Map<String, Object> listed = given().get("/api/v1/vaults").then().statusCode(200).extract()
                .path("find { it.id == 'seen' }");
        Map<String, Object> read = given().get("/api/v1/vaults/seen").then().statusCode(200).extract().path("$");
        // The same view but for the instant each was valued at: the options' time value moves between the two.
        assertThat(read).usingRecursiveComparison().ignoringFields("nav", "sharePrice").isEqualTo(listed);
        assertThat(decimal(read, "nav")).isCloseTo(decimal(listed, "nav"), within(new BigDecimal("0.01")));
        assertThat(read.get("spot")).isEqualTo("2000");
        assertThat(decimal(read, "balances.locked")).isEqualByComparingTo("8000");
        // The NAV carries the two series' marks: it is below the cash the pool holds for its LPs and its buffer.
        assertThat(decimal(read, "nav")).isLessThan(decimal(read, "balances.lpFree").add(new BigDecimal("8000")));

        try (Connection holder = LocalDatabase.connect(); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.executeQuery("SELECT 1 FROM vault WHERE id = 'seen' FOR NO KEY UPDATE").close();
            Response whileLocked = CompletableFuture.supplyAsync(() -> given().get("/api/v1/vaults/seen"))
                    .get(20, TimeUnit.SECONDS);
            assertThat(whileLocked.statusCode()).isEqualTo(200);
            assertThat(whileLocked.jsonPath().getMap("balances")).isEqualTo(read.get("balances"));
            holder.rollback();
        }
        given().get("/api/v1/vaults/nowhere").then().statusCode(404)
                .body("type", org.hamcrest.Matchers.endsWith("/not-found"));
    }

    private static BigDecimal decimal(Map<String, Object> view, String path) {
        Object value = path.startsWith("balances.") ? ((Map<?, ?>) view.get("balances")).get(path.substring(9))
                : view.get(path);
        return new BigDecimal((String) value);
    }

    private static String tradingVault(String id, String underlying) {
        Api.openVault(id, underlying, Map.of());
        Api.price(underlying, "2000");
        as(token("lena", "lp")).header("Idempotency-Key", id + "-seed").body(Map.of("amount", "100000"))
                .post("/api/v1/vaults/" + id + "/deposits").then().statusCode(201);
        return Api.now().plusSeconds(3 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
    }

    /** Waits until this many sessions other than the test's wait for a lock. */
    private static void awaitWaiters(Connection watcher, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (waiters(watcher) == count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fewer than " + count + " requests waited for a lock");
    }

    /** How many sessions other than the test's wait for a lock now. */
    private static int waiters(Connection watcher) throws Exception {
        try (Statement s = watcher.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static double retries() {
        Matcher m = RETRIES.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
