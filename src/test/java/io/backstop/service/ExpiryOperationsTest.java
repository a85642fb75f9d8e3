package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A vault through a bad expiry, over HTTP and the event stream: withdrawals that free liquidity can pay only in
 * part (PARTIAL) or not at all (QUEUED), an expiry whose settlement window has no oracle prices (pending,
 * readiness down, a SettlementPending event, the operator's retry still pending), a late oracle report inside the
 * window, and the settlement that follows, serving the queue first in, first out.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class ExpiryOperationsTest {

    private static final String VAULT = "/api/v1/vaults/late";

    /** The operators' stream: the queue's order is told by whose withdrawals were paid. */
    @TestHTTPResource("/api/v1/vaults/late/events/full")
    URI events;

    @Test
    void aPendingSettlementWaitsForPricesThenServesTheWithdrawalQueue() throws Exception {
        Api.openVault("late", "LATE", Map.of("maxUtilization", "0.95"));
        Api.price("LATE", "2000");
        BlockingQueue<String> stream = subscribe();

        String wendy = token("wendy", "lp");
        post(wendy, VAULT + "/deposits", Map.of("amount", "10000")).statusCode(201);
        String trader = token("theo", "trader");
        Instant expiry = Api.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        JsonPath quote = as(trader).body(Map.of("type", "call", "strike", "2050", "expiry", expiry.toString(),
                "quantity", "4")).post(VAULT + "/quotes").then().statusCode(201).extract().jsonPath();
        String seriesId = quote.getString("seriesId");
        post(trader, VAULT + "/trades", Map.of("quoteId", quote.getString("quoteId"), "maxPremium",
                quote.getString("premium"))).statusCode(201);
        assertThat(vault().getString("balances.locked")).isEqualTo("8000");

        // Free liquidity pays part of wendy's withdrawal; the rest of her shares wait in the queue.
        String wendyShares = as(wendy).get(VAULT + "/accounts/me").then().statusCode(200).extract().path("shares");
        JsonPath partial = post(wendy, VAULT + "/withdrawals", Map.of("shares", wendyShares)).statusCode(201)
                .extract().jsonPath();
        assertThat(partial.getString("status")).isEqualTo("PARTIAL");
        assertThat(new BigDecimal(partial.getString("amount"))).isPositive();
        BigDecimal wendyQueued = new BigDecimal(partial.getString("queuedShares"));
        assertThat(wendyQueued).isPositive();
        assertThat(new BigDecimal(vault().getString("balances.lpFree"))).isLessThanOrEqualTo(
                new BigDecimal("0.000001"));

        // Xena's deposit brings free liquidity, which pays more of wendy's queued withdrawal at once (in the
        // deposit's own transaction); xena's withdrawal then queues behind the rest of wendy's.
        String xena = token("xena", "lp");
        String xenaShares = post(xena, VAULT + "/deposits", Map.of("amount", "1000")).statusCode(201).extract()
                .path("shares");
        assertThat(next(stream, "WithdrawalPaid")).contains("\"wendy\""); // the part free liquidity paid at once
        assertThat(next(stream, "WithdrawalPaid")).contains("\"wendy\"")
                .containsPattern("\"amount\":\"(999\\.\\d+|1000)\"");
        assertThat(new BigDecimal(vault().getString("balances.lpFree"))).isLessThanOrEqualTo(
                new BigDecimal("0.000001"));
        JsonPath queued = post(xena, VAULT + "/withdrawals", Map.of("shares", xenaShares)).statusCode(201)
                .extract().jsonPath();
        assertThat(queued.getString("status")).isEqualTo("QUEUED");
        assertThat(queued.getString("amount")).isEqualTo("0");
        assertThat(queued.getString("queuedShares")).isEqualTo(xenaShares);

        // Past expiry without a single price in the settlement window: the series waits.
        Api.advance(Duration.between(Api.now(), expiry.plus(Duration.ofMinutes(1))).toString());
        JsonPath series = given().get(VAULT + "/series").then().statusCode(200).extract().jsonPath();
        assertThat(series.getString("series.find { it.seriesId == '" + seriesId + "' }.status")).isEqualTo("PENDING");
        assertThat(series.getString("series.find { it.seriesId == '" + seriesId + "' }.pendingReason"))
                .contains("settlement window");
        // An alarm on the books, not a reason to take this instance out of its load balancer.
        JsonPath alarms = given().get("/q/health/group/alarms").then().statusCode(503).extract().jsonPath();
        assertThat(alarms.getInt("checks.find { it.name == 'vaults' }.data.pendingSettlements")).isPositive();
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200); // the Kubernetes startup probe's endpoint
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("(?m)^backstop_settlements_pending(\\{[^}]*\\})? [1-9]");
        String operator = token("opal", "operator");
        JsonPath retry = as(operator).post(VAULT + "/settlements").then().statusCode(200).extract().jsonPath();
        assertThat(retry.getString("find { it.seriesId == '" + seriesId + "' }.status")).isEqualTo("PENDING");
        assertThat(next(stream, "SettlementPending")).contains(seriesId);

        // The oracle's late reports of the last two minutes before expiry: fresh, and inside the window.
        String oracle = token("oscar", "oracle");
        for (int minutesBefore = 2; minutesBefore >= 1; minutesBefore--) {
            as(oracle).body(Map.of("underlying", "LATE", "price", "2100", "timestamp",
                    expiry.minus(Duration.ofMinutes(minutesBefore)).toString()))
                    .post("/api/v1/oracle/prices").then().statusCode(201);
        }
        // Eight operators retry at once, racing the settlement timer as several instances would: the series
        // settles exactly once, and at most one of them reports having settled it.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(pool.submit(() -> as(operator).post(VAULT + "/settlements").then().statusCode(200)
                    .extract().<List<String>>path("findAll { it.status == 'SETTLED' }.seriesId")));
        }
        List<String> settledBy = new ArrayList<>();
        for (Future<List<String>> attempt : retries) {
            settledBy.addAll(attempt.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(settledBy).hasSizeLessThanOrEqualTo(1).allMatch(seriesId::equals);
        List<Map<String, Object>> reports = given().get(VAULT + "/settlements").then().statusCode(200).extract()
                .path("settlements.findAll { it.seriesId == '" + seriesId + "' }");
        assertThat(reports).hasSize(1);
        // 4 calls struck at 2050, settled at the TWAP 2100: 200 of claims, paid from the locked collateral.
        assertThat(reports.get(0)).containsEntry("price", "2100").containsEntry("claims", "200")
                .containsEntry("paid", "200").containsEntry("fromLocked", "200");
        assertThat(next(stream, "SeriesSettled")).contains(seriesId);
        as(trader).get("/api/v1/positions").then().statusCode(200)
                .body("find { it.vault == 'late' }.status", org.hamcrest.Matchers.equalTo("PAID"))
                .body("find { it.vault == 'late' }.payout", org.hamcrest.Matchers.equalTo("200"));

        // Everything that followed the settlement: the queue served in order (wendy, then xena) and one payout;
        // no second settlement and nothing paid twice.
        List<String> rest = drain(stream);
        List<String> withdrawals = rest.stream().filter(l -> l.contains("\"type\":\"WithdrawalPaid\"")).toList();
        assertThat(withdrawals).hasSize(2);
        assertThat(withdrawals.get(0)).contains("\"wendy\"");
        assertThat(withdrawals.get(1)).contains("\"xena\"");
        assertThat(rest).filteredOn(l -> l.contains("\"type\":\"PayoutPaid\"")).singleElement().asString()
                .contains("\"theo\"").contains("\"amount\":\"200\"");
        assertThat(rest).noneMatch(l -> l.contains("\"type\":\"SeriesSettled\""));
        JsonPath after = vault();
        assertThat(after.getString("totalShares")).isEqualTo("0");
        assertThat(after.getString("balances.locked")).isEqualTo("0");
        payoutsBookedOnceForTheSeries(seriesId);
    }

    /**
     * The series' payouts are one journal entry (trader payouts → cash, their sum), and a position's payout row
     * cannot be written twice: the database refuses a second one.
     */
    private static void payoutsBookedOnceForTheSeries(String seriesId) throws Exception {
        try (Connection db = LocalDatabase.connect(); Statement sql = db.createStatement()) {
            ResultSet entry = sql.executeQuery("SELECT count(DISTINCT entry), sum(amount) FILTER (WHERE side = "
                    + "'CREDIT' AND account = 'CASH') FROM journal WHERE vault = 'late' AND memo = 'payouts "
                    + seriesId + "'");
            assertThat(entry.next()).isTrue();
            assertThat(entry.getLong(1)).isEqualTo(1);
            assertThat(entry.getLong(2)).isEqualTo(200_000_000L); // 200 in millionths
            ResultSet paid = sql.executeQuery("SELECT position, amount, paid_out FROM payout WHERE vault = 'late'");
            assertThat(paid.next()).isTrue();
            String position = paid.getString(1);
            assertThat(paid.getLong(2)).isEqualTo(200_000_000L);
            assertThat(paid.getBoolean(3)).isTrue();
            assertThat(paid.next()).isFalse();
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO payout VALUES ('" + position + "', 'late', '"
                    + seriesId + "', 1, true)")).isInstanceOf(SQLException.class).hasMessageContaining("payout_pkey");
        }
    }

    private static JsonPath vault() {
        return given().get(VAULT).then().statusCode(200).extract().jsonPath();
    }

    /** Opens the vault's SSE stream; its data lines arrive in the returned queue. */
    private BlockingQueue<String> subscribe() throws Exception {
        return Api.subscribe(events, token("opal", "operator"));
    }

    /** What else arrives on the stream within two seconds. */
    private static List<String> drain(BlockingQueue<String> stream) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(until)) {
            String line = stream.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                rest.add(line);
            }
        }
        return rest;
    }

    /** The next event of this type on the stream, skipping others. */
    private static String next(BlockingQueue<String> stream, String type) throws InterruptedException {
        return Api.next(stream, type);
    }
}
