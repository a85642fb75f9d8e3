package io.backstop.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test helpers over the real HTTP API: local-mode tokens, JSON requests, the clock and oracle prices. */
final class Api {

    /** HTTP/1.1 throughout: the JDK client's HTTP/2 upgrade attempt can stall against the test server. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    static {
        // Every answer a test receives from the API is held to the OpenAPI document.
        io.restassured.RestAssured.filters(new ApiContract());
    }

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

    /** Opens a vault as the protocol team, its underlying expected at 2000. */
    static void openVault(String id, String underlying, Map<String, Object> parameters) {
        openVault(id, underlying, "2000", parameters);
    }

    /** Opens a vault as the protocol team, its first oracle price expected near {@code referencePrice}. */
    static void openVault(String id, String underlying, String referencePrice, Map<String, Object> parameters) {
        as(token("ops", "operator")).body(Map.of("id", id, "underlying", underlying, "quoteCurrency", "USD",
                "referencePrice", referencePrice, "parameters", parameters)).post("/api/v1/vaults").then()
                .statusCode(201);
    }

    /** Subscribes to a Server-Sent Events stream (as the holder of the token, if any); its data lines queue up. */
    static BlockingQueue<String> subscribe(URI stream, String token) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Stream<String>> response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(l -> l.startsWith("data:")).forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // The service stopped at the end of the run; the stream has nothing more to say.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /**
     * Subscribes to a Server-Sent Events stream resuming after an event id ({@code Last-Event-ID}, null for none);
     * every line but the blank separators queues up: {@code id:}, {@code event:} and {@code data:}.
     */
    static BlockingQueue<String> subscribeRaw(URI stream, String lastEventId) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(l -> !l.isBlank()).forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // The service stopped at the end of the run.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next event of a type on a stream, within 15 seconds. */
    static String next(BlockingQueue<String> stream, String type) throws InterruptedException {
        List<String> skipped = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            String line = stream.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains("\"type\":\"" + type + "\"")) {
                return line;
            }
            if (line != null) {
                skipped.add(line);
            }
        }
        throw new AssertionError("no " + type + " event within 15 s; saw " + skipped);
    }
}
