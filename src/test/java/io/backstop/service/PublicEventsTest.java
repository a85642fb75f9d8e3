package io.backstop.service;

import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The public event stream says what happened to the pool, never who did it: a deposit and a buffer top-up reach
 * it with their amounts but without the LP's subject or the operator's name; operators alone may subscribe to the
 * full stream, which has them.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class PublicEventsTest {

    @TestHTTPResource("/api/v1/vaults/open/events")
    URI events;

    @TestHTTPResource("/api/v1/vaults/open/events/full")
    URI full;

    @Test
    void thePublicStreamCarriesNoIdentitiesAndOperatorsSeeEverything() throws Exception {
        Api.openVault("open", "OPEN", Map.of());
        String operator = token("olga-the-operator", "operator");
        given().get(full).then().statusCode(401);
        Api.as(token("lp-not-operator", "lp")).get(full).then().statusCode(403);
        BlockingQueue<String> everyone = Api.subscribe(events, null);
        BlockingQueue<String> operators = Api.subscribe(full, operator);

        post(token("priya-the-lp", "lp"), "/api/v1/vaults/open/deposits", Map.of("amount", "2500")).statusCode(201);
        post(operator, "/api/v1/vaults/open/buffer/top-ups", Map.of("amount", "300")).statusCode(201);

        String deposit = Api.next(everyone, "DepositMade");
        assertThat(deposit).contains("\"amount\":\"2500\"").doesNotContain("priya-the-lp");
        String topUp = Api.next(everyone, "BufferFunded");
        assertThat(topUp).contains("\"amount\":\"300\"").contains("\"source\":\"top-up\"")
                .doesNotContain("olga-the-operator");
        assertThat(Api.next(operators, "DepositMade")).contains("priya-the-lp");
        assertThat(Api.next(operators, "BufferFunded")).contains("olga-the-operator");
    }
}
