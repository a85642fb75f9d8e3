package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorisation matrix: every endpoint against no token and a token of every role. A role the endpoint does
 * not name gets 403, no token 401 (both problem documents); the named role gets through to the endpoint's own
 * validation. Then what one holder of a role can do to another's business: an LP's account, shares and money
 * are their own, and so are a trader's positions.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class AuthorisationTest {

    private static final String VAULT = "/api/v1/vaults/authz";
    private static final List<String> ROLES = List.of("lp", "trader", "operator", "oracle");

    /** One endpoint and the role it needs (null: public). */
    record Endpoint(String method, String path, String role) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/clock", null),
                new Endpoint("GET", "/api/v1/vaults", null),
                new Endpoint("GET", VAULT, null),
                new Endpoint("GET", VAULT + "/series", null),
                new Endpoint("GET", VAULT + "/settlements", null),
                new Endpoint("GET", VAULT + "/buffer", null),
                new Endpoint("GET", VAULT + "/exposure", null),
                new Endpoint("GET", VAULT + "/waterfall", null),
                new Endpoint("POST", "/api/v1/vaults", "operator"),
                new Endpoint("POST", VAULT + "/deposits", "lp"),
                new Endpoint("POST", VAULT + "/withdrawals", "lp"),
                new Endpoint("DELETE", VAULT + "/withdrawals/queued", "lp"),
                new Endpoint("GET", VAULT + "/accounts/me", "lp"),
                new Endpoint("POST", VAULT + "/quotes", "trader"),
                new Endpoint("POST", VAULT + "/trades", "trader"),
                new Endpoint("GET", "/api/v1/positions", "trader"),
                new Endpoint("GET", "/api/v1/trades", "trader"),
                new Endpoint("POST", VAULT + "/settlements", "operator"),
                new Endpoint("POST", VAULT + "/series/none/forced-settlement", "operator"),
                new Endpoint("PUT", VAULT + "/buffer/policy", "operator"),
                new Endpoint("POST", VAULT + "/buffer/policy/preview", "operator"),
                new Endpoint("POST", VAULT + "/buffer/top-ups", "operator"),
                new Endpoint("POST", VAULT + "/buffer/sizing", "operator"),
                new Endpoint("POST", "/api/v1/oracle/prices", "oracle"));
    }

    @BeforeEach
    void vault() {
        if (given().get(VAULT).statusCode() == 404) {
            Api.openVault("authz", "AUTHZ", Map.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void onlyTheNamedRoleGetsThrough(Endpoint endpoint) {
        String cashBefore = cash();
        Response anonymous = call(given().contentType("application/json"), endpoint);
        if (endpoint.role() == null) {
            assertThat(anonymous.statusCode()).as(endpoint + " without a token").isEqualTo(200);
        } else {
            assertProblem(anonymous, 401, "unauthorized", endpoint + " without a token");
        }
        for (String role : ROLES) {
            Response response = call(as(token("matrix-" + role, role)), endpoint);
            String what = endpoint + " as " + role;
            if (endpoint.role() == null || endpoint.role().equals(role)) {
                // Through the gate: the empty body is the endpoint's to refuse (or, for reads, to answer).
                assertThat(response.statusCode()).as(what + ": " + response.asString())
                        .isNotIn(401, 403).isLessThan(500);
            } else {
                assertProblem(response, 403, "forbidden", what);
            }
        }
        assertThat(cash()).as("nothing moved").isEqualTo(cashBefore);
    }

    @Test
    void aTokenSignedByAnUntrustedKeyIsRefused() {
        // Syntactically a JWT, but signed by nobody this service trusts.
        String forged = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5IiwiZ3JvdXBzIjpbIm9wZXJhdG9yIl19.c2ln";
        assertProblem(given().header("Authorization", "Bearer " + forged).get("/api/v1/positions"), 401,
                "unauthorized", "forged token");
    }

    @Test
    void oneLpCannotReachAnotherLpsSharesOrMoney() {
        String alice = token("alice-lp", "lp");
        String mallory = token("mallory-lp", "lp");
        JsonPath deposit = as(alice).header("Idempotency-Key", "alice-key").body(Map.of("amount", "10000"))
                .post(VAULT + "/deposits").then().statusCode(201).extract().jsonPath();
        String aliceShares = deposit.getString("shares");

        // Mallory's account is Mallory's: none of Alice's shares show up there.
        JsonPath malloryAccount = as(mallory).get(VAULT + "/accounts/me").then().statusCode(200)
                .extract().jsonPath();
        assertThat(new BigDecimal(malloryAccount.getString("shares"))).isZero();
        // Withdrawing Alice's shares from Mallory's token fails on Mallory's (empty) holding.
        String cash = cash();
        Response steal = as(mallory).header("Idempotency-Key", "steal").body(Map.of("shares", aliceShares))
                .post(VAULT + "/withdrawals");
        assertProblem(steal, 409, "insufficient-shares", "Mallory withdrawing Alice's shares");
        assertThat(cash()).isEqualTo(cash);
        // Alice's idempotency key is hers: Mallory reusing it neither replays her response nor blocks her.
        Response replayAttempt = as(mallory).header("Idempotency-Key", "alice-key").body(Map.of("amount", "10000"))
                .post(VAULT + "/deposits");
        assertThat(replayAttempt.statusCode()).isEqualTo(201);
        assertThat(replayAttempt.header("Idempotent-Replayed")).isNull();
        as(alice).get(VAULT + "/accounts/me").then().statusCode(200)
                .body("shares", org.hamcrest.Matchers.equalTo(aliceShares));
        // Client-chosen owners are refused outright.
        assertProblem(as(mallory).header("Idempotency-Key", "owner").body(Map.of("shares", "1", "owner",
                "alice-lp")).post(VAULT + "/withdrawals"), 400, "unknown-field", "owner field");
    }

    @Test
    void aTraderSeesOnlyTheirOwnPositions() {
        Api.price("AUTHZ", "2000");
        post(token("lp-for-traders", "lp"), VAULT + "/deposits", Map.of("amount", "100000")).statusCode(201);
        String owner = token("terry", "trader");
        String expiry = Api.now().plus(Duration.ofDays(3)).toString().substring(0, 10) + "T08:00:00Z";
        JsonPath quote = as(owner).body(Map.of("type", "call", "strike", "2500", "expiry", expiry, "quantity", 1))
                .post(VAULT + "/quotes").then().statusCode(201).extract().jsonPath();
        String tradeId = post(owner, VAULT + "/trades", Map.of("quoteId", quote.getString("quoteId"),
                "maxPremium", quote.getString("premium"))).statusCode(201).extract().path("tradeId");

        List<String> own = as(owner).get("/api/v1/positions").then().statusCode(200).extract().path("id");
        assertThat(own).contains(tradeId);
        List<String> others = new ArrayList<>(as(token("tina", "trader")).get("/api/v1/positions").then()
                .statusCode(200).extract().path("id"));
        assertThat(others).doesNotContain(tradeId);
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        RequestSpecification r = request.header("Idempotency-Key", "matrix").body("{}");
        return switch (endpoint.method()) {
            case "GET" -> r.get(endpoint.path());
            case "PUT" -> r.put(endpoint.path());
            case "DELETE" -> r.delete(endpoint.path());
            default -> r.post(endpoint.path());
        };
    }

    private static void assertProblem(Response response, int status, String slug, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).as(what).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).as(what)
                .isEqualTo("https://backstop.io/problems/" + slug);
    }

    private static String cash() {
        return given().get(VAULT).then().statusCode(200).extract().path("balances.cash");
    }
}
