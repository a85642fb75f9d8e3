package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal is an RFC 9457 problem with a stable type and the right status, and changes nothing: bad JSON,
 * bad amounts, missing or wrong tokens, idempotency replays and conflicts, oracle and governance limits.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class RejectionsTest {

    private static final String VAULTS = "/api/v1/vaults/rej";

    @TestHTTPResource("/api/v1/vaults/rej/deposits")
    URI deposits;

    @BeforeEach
    void vault() {
        if (given().get(VAULTS).statusCode() == 404) {
            Api.openVault("rej", "REJ", Map.of());
        }
    }

    private static void problem(ValidatableResponse response, int status, String slug) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("https://backstop.io/problems/" + slug)).body("status", equalTo(status));
    }

    private static String cash() {
        return given().get(VAULTS).then().statusCode(200).extract().path("balances.cash");
    }

    @Test
    void malformedMistypedUnknownAndOutOfRangeInputIs400AndChangesNothing() {
        String lp = token("rita", "lp");
        String before = cash();
        String deposits = VAULTS + "/deposits";
        problem(as(lp).header("Idempotency-Key", "m1").body("{\"amount\": ").post(deposits).then(), 400,
                "malformed-json");
        problem(as(lp).header("Idempotency-Key", "m2").body("{\"amount\": true}").post(deposits).then(), 400,
                "invalid-field");
        problem(post(lp, deposits, Map.of("amount", "10", "owner", "mallory")), 400, "unknown-field");
        problem(post(lp, deposits, Map.of("amount", "-5")), 400, "invalid-amount");
        problem(post(lp, deposits, Map.of("amount", "0")), 400, "invalid-amount");
        problem(post(lp, deposits, Map.of("amount", "1.0000001")), 400, "invalid-amount");
        problem(post(lp, deposits, Map.of("amount", "1e30")), 400, "invalid-amount");
        problem(post(lp, deposits, Map.of("amount", "abc")), 400, "invalid-field");
        problem(post(lp, deposits, Map.of()), 400, "missing-field");
        problem(as(lp).body(Map.of("amount", "10")).post(deposits).then(), 400, "missing-idempotency-key");
        problem(as(lp).contentType(ContentType.JSON).header("Idempotency-Key", "big")
                .body("{\"amount\":\"" + "1".repeat(70_000) + "\"}").post(deposits).then(), 413, "body-too-large");
        assertThat(cash()).isEqualTo(before);
    }

    @Test
    void tokensAndRolesAreChecked() {
        problem(given().contentType(ContentType.JSON).body(Map.of("amount", "10")).header("Idempotency-Key", "a")
                .post(VAULTS + "/deposits").then(), 401, "unauthorized");
        problem(given().header("Authorization", "Bearer not.a.token").get("/api/v1/positions").then(), 401,
                "unauthorized");
        problem(post(token("tim", "trader"), VAULTS + "/deposits", Map.of("amount", "10")), 403, "forbidden");
        problem(as(token("lena", "lp")).body(Map.of("id", "x", "underlying", "X", "quoteCurrency", "USD"))
                .post("/api/v1/vaults").then(), 403, "forbidden");
        problem(as(token("olga", "oracle")).body(Map.of("bufferFeeShare", 0.9, "reason", "r"))
                .put(VAULTS + "/buffer/policy").then(), 403, "forbidden");
        problem(post(token("ops", "operator"), "/api/v1/oracle/prices", Map.of("underlying", "REJ", "price", 1)),
                403, "forbidden");
        problem(given().get("/api/v1/vaults/nope").then(), 404, "not-found");
    }

    @Test
    void aQuoteIsTakenOnlyByItsTraderAndOnlyOnce() {
        Api.price("REJ", "2000");
        given().get(VAULTS).then().statusCode(200);
        post(token("rolf", "lp"), VAULTS + "/deposits", Map.of("amount", "50000")).statusCode(201);
        String expiry = Api.now().plusSeconds(3 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        String quoteId = as(token("tara", "trader")).body(Map.of("type", "put", "strike", "1900", "expiry", expiry,
                "quantity", 1)).post(VAULTS + "/quotes").then().statusCode(201).extract().path("quoteId");
        problem(post(token("trudy", "trader"), VAULTS + "/trades", Map.of("quoteId", quoteId, "maxPremium", "500")),
                403, "forbidden");
        problem(post(token("tara", "trader"), VAULTS + "/trades", Map.of("quoteId", quoteId, "maxPremium", "0.01")),
                409, "max-premium-exceeded");
        post(token("tara", "trader"), VAULTS + "/trades", Map.of("quoteId", quoteId, "maxPremium", "500"))
                .statusCode(201);
        problem(post(token("tara", "trader"), VAULTS + "/trades", Map.of("quoteId", quoteId, "maxPremium", "500")),
                409, "quote-taken");
        problem(as(token("tara", "trader")).body(Map.of("type", "put", "strike", "1925", "expiry", expiry,
                "quantity", 1)).post(VAULTS + "/quotes").then(), 422, "not-listed");
    }

    /**
     * The loss: a quote given at spot 2000 taken after the oracle moved. Refused 409 naming what a fresh quote
     * costs, nothing moved; the fresh quote at the new spot is taken at that price.
     */
    @Test
    void aQuoteTakenAfterSpotMovedIsRefusedNamingTheFreshPremium() {
        Api.openVault("mov", "MOV", Map.of());
        Api.price("MOV", "2000");
        post(token("rolf", "lp"), "/api/v1/vaults/mov/deposits", Map.of("amount", "100000")).statusCode(201);
        String expiry = Api.now().plusSeconds(3 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        Map<String, Object> ask = Map.of("type", "call", "strike", "2000", "expiry", expiry, "quantity", "10");
        String trader = token("tess", "trader");
        String quoteId = as(trader).body(ask).post("/api/v1/vaults/mov/quotes").then().statusCode(201).extract()
                .path("quoteId");
        Api.price("MOV", "2100");
        Map<String, Object> before = given().get("/api/v1/vaults/mov").then().extract().path("balances");

        String detail = post(trader, "/api/v1/vaults/mov/trades", Map.of("quoteId", quoteId, "maxPremium",
                "100000")).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://backstop.io/problems/quote-stale-price")).extract().path("detail");
        assertThat(detail).startsWith("quote " + quoteId + " no longer binds: spot moved 5.00% since it was given "
                + "(2000.00 to 2100.00), beyond the 0.50% tolerance; a fresh quote costs ");
        assertThat(given().get("/api/v1/vaults/mov").then().extract().<Map<String, Object>>path("balances"))
                .isEqualTo(before);

        // The premium named is the one a quote asked for now gets, but for the time value lost in between.
        var fresh = as(trader).body(ask).post("/api/v1/vaults/mov/quotes").then().statusCode(201).extract();
        BigDecimal named = new BigDecimal(detail.substring(detail.lastIndexOf(' ') + 1));
        assertThat(named).isCloseTo(new BigDecimal(fresh.<String>path("premium")), within(new BigDecimal("0.01")));
        post(trader, "/api/v1/vaults/mov/trades", Map.of("quoteId", fresh.path("quoteId"), "maxPremium", "100000"))
                .statusCode(201).body("premium", equalTo(fresh.path("premium")));
    }

    @Test
    void idempotencyReplaysTheFirstResponseAndRefusesAnotherBody() {
        String lp = token("ida", "lp");
        String first = as(lp).header("Idempotency-Key", "same").body(Map.of("amount", "1000"))
                .post(VAULTS + "/deposits").then().statusCode(201).extract().asString();
        String cash = cash();
        ValidatableResponse replay = as(lp).header("Idempotency-Key", "same").body(Map.of("amount", "1000"))
                .post(VAULTS + "/deposits").then().statusCode(201);
        assertThat(replay.extract().asString()).isEqualTo(first);
        assertThat(cash()).isEqualTo(cash);
        problem(as(lp).header("Idempotency-Key", "same").body(Map.of("amount", "2000")).post(VAULTS + "/deposits")
                .then(), 422, "idempotency-key-reused");
        // Keys are scoped per subject: another LP may use the same key.
        as(token("ivo", "lp")).header("Idempotency-Key", "same").body(Map.of("amount", "1000"))
                .post(VAULTS + "/deposits").then().statusCode(201);
        String minted = io.restassured.path.json.JsonPath.from(first).getString("shares");
        as(lp).get(VAULTS + "/accounts/me").then().statusCode(200).body("shares", equalTo(minted));
    }

    @Test
    void oracleAndGovernanceLimitsAre422() {
        String oracle = token("orin", "oracle");
        // Prices only for what a vault trades, the first near the operator's reference, and jumps bounded over time.
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "1000")).post("/api/v1/oracle/prices").then(),
                422, "unknown-underlying");
        problem(as(oracle).body(Map.of("underlying", "orc", "price", "1000")).post("/api/v1/oracle/prices").then(),
                400, "invalid-field");
        Api.openVault("orc", "ORC", "1000", Map.of());
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "0.000001")).post("/api/v1/oracle/prices")
                .then(), 422, "price-jump");
        Api.price("ORC", "1000");
        Api.price("ORC", "1400");
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "1501")).post("/api/v1/oracle/prices").then(),
                422, "price-jump");
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "1600")).post("/api/v1/oracle/prices").then(),
                422, "price-jump");
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "-1")).post("/api/v1/oracle/prices").then(),
                422, "invalid-price");
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "1000", "timestamp", "2999-01-01T00:00:00Z"))
                .post("/api/v1/oracle/prices").then(), 422, "future-price");
        problem(as(oracle).body(Map.of("underlying", "ORC", "price", "1000", "timestamp", "2001-01-01T00:00:00Z"))
                .post("/api/v1/oracle/prices").then(), 422, "stale-price");
        String operator = token("ops", "operator");
        problem(as(operator).body(Map.of("bufferFeeShare", 1.5, "reason", "too much")).put(VAULTS + "/buffer/policy")
                .then(), 422, "parameter-out-of-bounds");
        as(operator).body(Map.of("bufferFeeShare", "0.7", "reason", "fund the buffer faster"))
                .put(VAULTS + "/buffer/policy").then().statusCode(200).body("bufferFeeShare", equalTo("0.7"));
        given().get(VAULTS + "/buffer").then().statusCode(200).body("policy.bufferFeeShare", equalTo("0.7"))
                .body("policyHistory.reason", org.hamcrest.Matchers.hasItem("fund the buffer faster"));
        problem(given().contentType(ContentType.JSON).body(Map.of("subject", "x", "roles", List.of("root")))
                .post("/api/v1/dev/tokens").then(), 400, "invalid-field");
        given().get("/q/health/live").then().statusCode(200).body(containsString("UP"));
        given().get("/q/health/group/alarms").then().body(containsString("pendingSettlements"));
    }

    @Test
    void chunkedBodiesAreHeldToTheSameLimit() throws Exception {
        String lp = token("chuck", "lp");
        String before = cash();
        byte[] body = ("{\"amount\":\"" + "1".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // A body of unknown length goes out chunked, with no Content-Length to refuse it by.
        HttpRequest request = HttpRequest.newBuilder(deposits).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + lp).header("Idempotency-Key", "chunked")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(io.restassured.path.json.JsonPath.from(response.body()).getString("type"))
                .isEqualTo("https://backstop.io/problems/body-too-large");
        assertThat(cash()).isEqualTo(before);

        // A chunked body within the limit goes through whole.
        byte[] small = "{\"amount\":\"25\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(deposits).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + lp).header("Idempotency-Key", "chunked-small")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(new java.math.BigDecimal(cash())).isEqualByComparingTo(new java.math.BigDecimal(before).add(
                new java.math.BigDecimal("25")));
    }
}
