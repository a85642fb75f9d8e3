package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The books under load and at rest: 200 concurrent buys against liquidity for 100, the journal folded again to
 * the vault's balance columns, the journal's append-only trigger, and the domain events on the channel.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class LedgerTest {

    @Inject
    @Any
    InMemoryConnector connector;


    @Test
    void twoHundredConcurrentBuysAgainstLiquidityForOneHundred() throws Exception {
        // Capacity: 0.95 × 210,600 = 200,070 of collateral, i.e. exactly 100 calls at 2,000 each; fees go to the
        // buffer and treasury and a deep out-of-the-money premium adds almost nothing to LP capital.
        Api.openVault("crowd", "CRWD", Map.of("maxUtilization", "0.95", "quoteValidity", "PT2M"));
        Api.price("CRWD", "2000");
        post(token("liv", "lp"), "/api/v1/vaults/crowd/deposits", Map.of("amount", "210600")).statusCode(201);
        String expiry = Api.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8))
                .toString();
        String trader = token("tess", "trader");
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            quotes.add(as(trader).body(Map.of("type", "call", "strike", "4000", "expiry", expiry, "quantity", "1"))
                    .post("/api/v1/vaults/crowd/quotes").then().statusCode(201).extract().path("quoteId"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<Integer>> results = new ArrayList<>();
        for (String quote : quotes) {
            results.add(pool.submit(() -> {
                var response = post(trader, "/api/v1/vaults/crowd/trades", Map.of("quoteId", quote,
                        "maxPremium", "100")).extract();
                if (response.statusCode() != 201) {
                    assertThat(response.contentType()).isEqualTo("application/problem+json");
                }
                return response.statusCode();
            }));
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Future<Integer> f : results) {
            statuses.merge(f.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(statuses.get(201)).isEqualTo(100);
        assertThat(statuses.keySet()).allMatch(s -> s == 201 || s == 409 || s == 422);
        var vault = given().get("/api/v1/vaults/crowd").then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(vault.getString("balances.locked"))).isEqualByComparingTo("200000");
        assertThat(vault.getDouble("utilization")).isLessThanOrEqualTo(0.95);
        assertBalancesMatchTheJournal();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!given().get("/q/metrics").asString().contains("backstop_vault_nav{vault=\"crowd\"}")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(given().get("/q/metrics").asString()).contains("backstop_premiums_total{vault=\"crowd\"}")
                .contains("backstop_buffer_balance{vault=\"crowd\"}");

        // The what-if runs the 100 sold calls under both policies on the same paths.
        String operator = token("ops", "operator");
        var preview = as(operator).body(Map.of("bufferFeeShare", "0.9", "paths", 200, "horizonDays", 5))
                .post("/api/v1/vaults/crowd/buffer/policy/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("base.paths")).isEqualTo(200);
        assertThat(preview.getInt("alternative.paths")).isEqualTo(200);
        assertThat(preview.getMap("difference")).containsKey("lpReturn");
        as(operator).body(Map.of("paths", 10)).post("/api/v1/vaults/crowd/buffer/policy/preview").then()
                .statusCode(400).body("type", org.hamcrest.Matchers.endsWith("/invalid-field"));
        as(operator).body(Map.of("bufferFeeShare", 2)).post("/api/v1/vaults/crowd/buffer/policy/preview").then()
                .statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/parameter-out-of-bounds"));
    }

    @Test
    void theJournalIsAppendOnlyAndFoldsToTheBalances() throws SQLException {
        Api.openVault("fold", "FOLD", Map.of());
        post(token("fay", "lp"), "/api/v1/vaults/fold/deposits", Map.of("amount", "1234.567891")).statusCode(201);
        post(token("ops", "operator"), "/api/v1/vaults/fold/buffer/top-ups", Map.of("amount", "10")).statusCode(201);
        assertBalancesMatchTheJournal();
        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE journal SET amount = amount + 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM journal"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void domainEventsReachTheVaultEventsChannel() {
        InMemorySink<String> sink = connector.sink("vault-events");
        Api.openVault("evts", "EVTS", Map.of());
        post(token("eve", "lp"), "/api/v1/vaults/evts/deposits", Map.of("amount", "500")).statusCode(201);
        Instant deadline = Instant.now().plusSeconds(20);
        while (sink.received().stream().noneMatch(m -> m.getPayload().contains("\"vault\":\"evts\"")
                && m.getPayload().contains("DepositMade")) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(sink.received()).anyMatch(m -> m.getPayload().contains("\"vault\":\"evts\"")
                && m.getPayload().contains("\"type\":\"DepositMade\"")
                && m.getPayload().contains("\"amount\":\"500\""));
    }

    /** Every vault's balance columns equal the fold of its journal postings, to the unit. */
    private void assertBalancesMatchTheJournal() throws SQLException {
        try (Connection db = LocalDatabase.connect()) {
            assertThat(JournalFold.vaults(db)).isPositive();
            assertThat(JournalFold.mismatches(db)).isEmpty();
        }
    }
}
