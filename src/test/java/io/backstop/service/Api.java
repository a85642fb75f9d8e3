package io.backstop.service;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers over the real HTTP API: local-mode tokens, JSON requests, the clock and oracle prices. */
final class Api {

    private Api() {
    }

    /** A bearer token from the local-mode token endpoint. */
    static String token(String subject, String... roles) {
        return given().contentType(ContentType.JSON).body(Map.of("subject", subject, "roles", List.of(roles)))
                .post("/api/v1/dev/tokens").then().statusCode(200).extract().path("token");
    }

    /** A JSON request as the holder of the token. */
    static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** A money-moving POST with a fresh idempotency key. */
    static ValidatableResponse post(String token, String path, Object body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path).then();
    }

    /** Now on the service's clock. */
    static Instant now() {
        return Instant.parse(given().get("/api/v1/clock").then().statusCode(200).extract().path("now"));
    }

    /** Advances local mode's clock. */
    static Instant advance(String duration) {
        return Instant.parse(given().contentType(ContentType.JSON).body(Map.of("duration", duration))
                .post("/api/v1/dev/clock/advance").then().statusCode(200).extract().path("now"));
    }

    /** Posts an oracle price at now. */
    static void price(String underlying, String price) {
        as(token("oracle-feed", "oracle")).body(Map.of("underlying", underlying, "price", price))
                .post("/api/v1/oracle/prices").then().statusCode(201);
    }

    /** Opens a vault as the protocol team. */
    static void openVault(String id, String underlying, Map<String, Object> parameters) {
        as(token("ops", "operator")).body(Map.of("id", id, "underlying", underlying, "quoteCurrency", "USD",
                "parameters", parameters)).post("/api/v1/vaults").then().statusCode(201);
    }
}
