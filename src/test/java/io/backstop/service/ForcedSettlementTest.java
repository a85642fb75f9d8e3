package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A series the oracle could not price (no price in its settlement window) has a way out: after the grace period an
 * operator settles it at a price of their own within the range of the oracle's accepted prices around expiry, with
 * a reason on the report and on the event (issue #24).
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class ForcedSettlementTest {

    private static final String VAULT = "/api/v1/vaults/dark";

    @Test
    void anUnpricedSeriesIsSettledByAnOperatorWithinTheOraclesRangeAfterTheGracePeriod() throws Exception {
        Api.openVault("dark", "DARK", Map.of());
        Api.price("DARK", "2000");
        post(token("lars", "lp"), VAULT + "/deposits", Map.of("amount", "10000")).statusCode(201);
        String trader = token("tia", "trader");
        Instant expiry = Api.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        JsonPath quote = as(trader).body(Map.of("type", "call", "strike", "1900", "expiry", expiry.toString(),
                "quantity", "2")).post(VAULT + "/quotes").then().statusCode(201).extract().jsonPath();
        String seriesId = quote.getString("seriesId");
        post(trader, VAULT + "/trades", Map.of("quoteId", quote.getString("quoteId"), "maxPremium",
                quote.getString("premium"))).statusCode(201);

        // The oracle is silent through expiry: the series waits; the oracle comes back at 2100 an hour after.
        Api.advance(Duration.between(Api.now(), expiry.plus(Duration.ofHours(1))).toString());
        Api.price("DARK", "2100");
        String operator = token("olga", "operator");
        String path = VAULT + "/series/" + seriesId + "/forced-settlement";
        assertThat(status(seriesId)).isEqualTo("PENDING");
        as(operator).body(Map.of("price", "2050", "reason", "oracle down through expiry")).post(path).then()
                .statusCode(409).body("type", endsWith("/forced-settlement-too-early"));

        // A day on, the operator may: within the oracle's range [2000, 2100], with a reason.
        Api.advance("P1D");
        as(operator).body(Map.of("price", "2150", "reason", "too high")).post(path).then().statusCode(422)
                .body("type", endsWith("/invalid-settlement"))
                .body("detail", equalTo("price 2150 is outside [2000, 2100], the prices the oracle accepted "
                        + "around the expiry of " + seriesId));
        as(operator).body(Map.of("price", "2050", "reason", " ")).post(path).then().statusCode(400);
        as(token("tia", "trader")).body(Map.of("price", "2050", "reason", "mine")).post(path).then().statusCode(403);
        as(operator).body(Map.of("price", "2050", "reason", "x")).post(VAULT + "/series/nope/forced-settlement")
                .then().statusCode(404);
        assertThat(status(seriesId)).isEqualTo("PENDING");

        JsonPath settled = as(operator).body(Map.of("price", "2050", "reason", "oracle down through expiry"))
                .post(path).then().statusCode(200).extract().jsonPath();
        assertThat(settled.getString("status")).isEqualTo("SETTLED");
        assertThat(settled.getString("settlement.price")).isEqualTo("2050");
        assertThat(settled.getString("settlement.claims")).isEqualTo("300"); // 2 calls × (2050 − 1900)
        assertThat(settled.getString("settlement.forcedReason")).isEqualTo("oracle down through expiry");
        given().get(VAULT + "/settlements").then().statusCode(200)
                .body("settlements.find { it.seriesId == '" + seriesId + "' }.forcedReason",
                        equalTo("oracle down through expiry"))
                .body("settlements.find { it.seriesId == '" + seriesId + "' }.price", equalTo("2050"));
        assertThat(status(seriesId)).isEqualTo("SETTLED");
        // The public record as CSV too, for a spreadsheet: a header, then the report with its reason.
        String csv = given().accept("text/csv").get(VAULT + "/settlements").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("seriesId,price,claims,paid,fromLocked,fromLpCapital,fromBuffer,socialisedLoss,"
                + "payoutRatio,settledAt,forcedReason\r\n" + seriesId + ",2050,300,300,")
                .endsWith(",oracle down through expiry\r\n");
        as(trader).get("/api/v1/positions").then().statusCode(200)
                .body("find { it.vault == 'dark' }.status", equalTo("PAID"))
                .body("find { it.vault == 'dark' }.payout", equalTo("300"))
                .body("find { it.vault == 'dark' }.payoutRatio", equalTo(1.0f))
                .body("find { it.vault == 'dark' }.mark", org.hamcrest.Matchers.nullValue());
        as(trader).get("/api/v1/trades").then().statusCode(200)
                .body("trades.kind", org.hamcrest.Matchers.contains("PAYOUT", "BUY"))
                .body("trades[0].amount", equalTo("300"));
        try (Connection db = LocalDatabase.connect(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT payload, public_payload FROM vault_event WHERE vault = "
                        + "'dark' AND type = 'SeriesForceSettled'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).contains("\"actor\":\"olga\"").contains("\"lowest\":\"2000\"")
                    .contains("\"highest\":\"2100\"");
            assertThat(row.getString(2)).doesNotContain("olga").contains("oracle down through expiry");
            assertThat(row.next()).isFalse();
        }
        as(operator).body(Map.of("price", "2050", "reason", "again")).post(path).then().statusCode(409)
                .body("type", endsWith("/already-settled"));
    }

    private static String status(String seriesId) {
        return given().get(VAULT + "/series").then().statusCode(200).extract()
                .path("series.find { it.seriesId == '" + seriesId + "' }.status");
    }
}
