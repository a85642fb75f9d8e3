package io.backstop.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Outside local mode, from the first minute (issue #27): tokens come from an external issuer whose keys the service
 * fetches from its JWKS URL (served on loopback here); the first operator opens a vault, an oracle client posts its
 * price, an LP deposits. A token signed by any other key, or by this one for another issuer, is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ExternalIssuer.class, restrictToAnnotatedClass = true)
class ExternalIssuerTest {

    @Test
    void theIssuersTokensOpenAVaultPostAPriceAndDepositAndNoOtherKeysAre() throws Exception {
        String operator = ExternalIssuer.token("olivia", "operator");
        given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON)
                .body(Map.of("id", "ext", "underlying", "EXT", "quoteCurrency", "USD", "referencePrice", "2000"))
                .post("/api/v1/vaults").then().statusCode(201);
        given().header("Authorization", "Bearer " + ExternalIssuer.token("feed", "oracle"))
                .contentType(ContentType.JSON).body(Map.of("underlying", "EXT", "price", "2001"))
                .post("/api/v1/oracle/prices").then().statusCode(201);
        String lp = ExternalIssuer.token("lara", "lp");
        given().header("Authorization", "Bearer " + lp).header("Idempotency-Key", "first")
                .contentType(ContentType.JSON).body(Map.of("amount", "5000")).post("/api/v1/vaults/ext/deposits")
                .then().statusCode(201);
        assertThat(given().header("Authorization", "Bearer " + lp).get("/api/v1/vaults/ext/accounts/me").then()
                .statusCode(200).extract().<String>path("shares")).isEqualTo("5000");

        // Another key, or a token without the role: refused, typed, nothing changed.
        given().header("Authorization", "Bearer " + ExternalIssuer.forged("mallory", "operator"))
                .contentType(ContentType.JSON).body(Map.of("id", "evil", "underlying", "EVL", "quoteCurrency",
                        "USD", "referencePrice", "1")).post("/api/v1/vaults").then().statusCode(401)
                .body("type", endsWith("/unauthorized"));
        given().header("Authorization", "Bearer " + lp).contentType(ContentType.JSON)
                .body(Map.of("underlying", "EXT", "price", "1")).post("/api/v1/oracle/prices").then()
                .statusCode(403);
        given().get("/api/v1/vaults/evil").then().statusCode(404);
    }
}
