package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database crashes under a running service: every request that needs it gets a 503 {@code
 * database-unavailable} problem with {@code Retry-After} (never a bare 500), readiness goes DOWN while liveness stays
 * UP, and when PostgreSQL is back the service recovers by itself, with no restart; a deposit refused during the
 * outage moved nothing, and sent again with the same idempotency key it is booked once.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class DatabaseLossTest {

    private static final String VAULT = "/api/v1/vaults/lost";

    @Test
    void aLostDatabaseIsA503UntilItIsBackAndThenServiceResumesWithoutARestart() throws Exception {
        Api.openVault("lost", "LOST", Map.of());
        String lp = token("lou", "lp");
        deposit(lp, "before").statusCode(201);
        String cashBefore = given().get(VAULT).then().statusCode(200).extract().path("balances.cash");

        LocalDatabase.crash();
        try {
            unavailable(given().get(VAULT).then());
            unavailable(deposit(lp, "during"));
            unavailable(given().get("/api/v1/vaults").then());
            given().get("/q/health/ready").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            LocalDatabase.restart();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (given().get(VAULT).statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        given().get(VAULT).then().statusCode(200).body("balances.cash", equalTo(cashBefore));
        while (given().get("/q/health/ready").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        given().get("/q/health/ready").then().statusCode(200);
        deposit(lp, "during").statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        deposit(lp, "during").statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        String cashAfter = given().get(VAULT).then().statusCode(200).extract().path("balances.cash");
        assertThat(new java.math.BigDecimal(cashAfter)).isEqualByComparingTo(
                new java.math.BigDecimal(cashBefore).add(java.math.BigDecimal.valueOf(1000)));
    }

    private static ValidatableResponse deposit(String lp, String key) {
        return as(lp).header("Idempotency-Key", key).body(Map.of("amount", "1000")).post(VAULT + "/deposits").then();
    }

    private static void unavailable(ValidatableResponse response) {
        response.statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://backstop.io/problems/database-unavailable"))
                .header("Retry-After", equalTo("5"));
    }
}
