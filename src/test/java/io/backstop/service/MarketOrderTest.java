package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Market orders (issue #25): a trade with no quote buys at once at the premium a quote would give now, within
 * maxPremium, refused for what a quote would be refused for, once per idempotency key.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class MarketOrderTest {

    private static final String VAULT = "/api/v1/vaults/mkt";

    @Test
    void aMarketOrderBuysAtTheQuotedPremiumWithinItsLimitOnce() {
        Api.openVault("mkt", "MKT", Map.of());
        Api.price("MKT", "2000");
        Api.post(token("lia", "lp"), VAULT + "/deposits", Map.of("amount", "100000")).statusCode(201);
        String trader = token("max", "trader");
        String expiry = Api.now().plusSeconds(7 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        Map<String, Object> series = Map.of("type", "call", "strike", "2100", "expiry", expiry, "quantity", "2");
        BigDecimal quoted = new BigDecimal(as(trader).body(series).post(VAULT + "/quotes").then().statusCode(201)
                .extract().<String>path("premium"));
        String cash = cash();

        // Below the premium a quote gives: refused as a quote's trade would be, nothing moved.
        order(trader, "low", series, "1").then().statusCode(409).body("type", endsWith("/max-premium-exceeded"));
        assertThat(cash()).isEqualTo(cash);
        // A strike off the grid: refused as the quote would be.
        Map<String, Object> offGrid = new HashMap<>(series);
        offGrid.put("strike", "2125");
        order(trader, "grid", offGrid, "100000").then().statusCode(422).body("type", endsWith("/not-listed"));

        Response bought = order(trader, "buy-1", series, "100000");
        assertThat(bought.statusCode()).as(bought.asString()).isEqualTo(201);
        BigDecimal premium = new BigDecimal(bought.jsonPath().getString("premium"));
        assertThat(premium).isCloseTo(quoted, within(new BigDecimal("0.05"))); // but for the seconds in between
        assertThat(bought.jsonPath().getString("quantity")).isEqualTo("2");
        String tradeId = bought.jsonPath().getString("tradeId");
        // The position, marked: worth about what was paid less the spread and fees, long delta, P&L against it.
        io.restassured.path.json.JsonPath positions = as(trader).get("/api/v1/positions").then().statusCode(200)
                .extract().jsonPath();
        String mine = "find { it.id == '" + tradeId + "' }";
        assertThat(positions.getString(mine + ".status")).isEqualTo("OPEN");
        BigDecimal value = new BigDecimal(positions.getString(mine + ".mark.value"));
        assertThat(value).isPositive().isLessThan(premium);
        assertThat(new BigDecimal(positions.getString(mine + ".mark.unrealised")))
                .isEqualByComparingTo(value.subtract(premium));
        assertThat(positions.getDouble(mine + ".mark.delta")).isBetween(0.2, 1.5);
        assertThat(positions.getDouble(mine + ".mark.theta")).isNegative();
        assertThat(new BigDecimal(cash())).isEqualByComparingTo(new BigDecimal(cash).add(premium));

        // The same key and body: the first answer again, nothing bought twice; another body under it: refused.
        Response again = order(trader, "buy-1", series, "100000");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.jsonPath().getString("tradeId")).isEqualTo(tradeId);
        assertThat(new BigDecimal(cash())).isEqualByComparingTo(new BigDecimal(cash).add(premium));
        order(trader, "buy-1", series, "99999").then().statusCode(422)
                .body("type", endsWith("/idempotency-key-reused"));

        // The trader's history, a page at a time, newest first: two more buys, then pages of two.
        order(trader, "buy-2", series, "100000").then().statusCode(201);
        order(trader, "buy-3", series, "100000").then().statusCode(201);
        io.restassured.path.json.JsonPath first = as(trader).queryParam("limit", 2).get("/api/v1/trades").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("trades.kind")).containsExactly("BUY", "BUY");
        assertThat(first.getString("next")).isNotNull();
        io.restassured.path.json.JsonPath second = as(trader).queryParam("limit", 2)
                .queryParam("cursor", first.getString("next")).get("/api/v1/trades").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("trades.positionId")).containsExactly(tradeId); // the oldest, last
        assertThat(second.getString("trades[0].amount")).isEqualTo(premium.toPlainString());
        assertThat(second.getString("next")).isNull();
        as(trader).queryParam("cursor", "bm90LW91cnM").get("/api/v1/trades").then().statusCode(400)
                .body("type", endsWith("/invalid-cursor"));
        as(trader).queryParam("limit", 0).get("/api/v1/trades").then().statusCode(400);

        // A trade names a quote or a series, not both, and not neither.
        Map<String, Object> both = new HashMap<>(series);
        both.put("quoteId", "mkt-q1");
        both.put("maxPremium", "1");
        as(trader).header("Idempotency-Key", "both").body(both).post(VAULT + "/trades").then().statusCode(400);
        as(trader).header("Idempotency-Key", "none").body(Map.of("maxPremium", "1")).post(VAULT + "/trades").then()
                .statusCode(400).body("type", endsWith("/missing-field"));
    }

    private static Response order(String trader, String key, Map<String, Object> series, String maxPremium) {
        Map<String, Object> body = new HashMap<>(series);
        body.put("maxPremium", maxPremium);
        return as(trader).header("Idempotency-Key", key).body(body).post(VAULT + "/trades");
    }

    private static String cash() {
        return given().get(VAULT).then().statusCode(200).extract().path("balances.cash");
    }
}
