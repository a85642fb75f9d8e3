package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Selling to close (issue #25): a holder sells contracts back to the pool before expiry at its published bid, by
 * a bid or at market with a minimum; the pool pays from LP capital, releases collateral and funds the buffer from
 * the fees; the position, the trader's history and the books show it; every refusal is typed and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class SellToCloseTest {

    private static final String VAULT = "/api/v1/vaults/stc";

    /** The position the first test sells from. */
    private static String held;

    @Test
    void aHolderSellsBackByBidThenAtMarketAndThePositionCloses() throws Exception {
        Api.openVault("stc", "STC", Map.of());
        Api.price("STC", "2000");
        Api.post(token("lena", "lp"), VAULT + "/deposits", Map.of("amount", "100000")).statusCode(201);
        String trader = token("sam", "trader");
        String expiry = Api.now().plusSeconds(14 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        Response bought = as(trader).header("Idempotency-Key", "buy").body(Map.of("type", "put", "strike", "2000",
                "expiry", expiry, "quantity", "4", "maxPremium", "100000")).post(VAULT + "/trades");
        assertThat(bought.statusCode()).as(bought.asString()).isEqualTo(201);
        String position = bought.jsonPath().getString("tradeId");
        held = position;
        BigDecimal paid = new BigDecimal(bought.jsonPath().getString("premium"));
        JsonPath before = vault();

        // The pool's bid for 1 of the 4: the value less spread and fees, itemised, binding for a while.
        JsonPath bid = as(trader).body(Map.of("quantity", "1")).post("/api/v1/positions/" + position + "/bids")
                .then().statusCode(201).extract().jsonPath();
        BigDecimal proceeds = new BigDecimal(bid.getString("proceeds"));
        assertThat(proceeds).isEqualByComparingTo(new BigDecimal(bid.getString("breakdown.theoretical"))
                .subtract(new BigDecimal(bid.getString("breakdown.spread")))
                .subtract(new BigDecimal(bid.getString("breakdown.fees"))));
        assertThat(proceeds).isPositive().isLessThan(paid.divide(new BigDecimal(4)));
        assertThat(bid.getString("positionId")).isEqualTo(position);
        // Vault state is as it was: a bid moves nothing.
        assertThat(vault().getString("balances.cash")).isEqualTo(before.getString("balances.cash"));

        // Only the holder can sell; nobody can sell more than is held or below their minimum.
        String other = token("olga", "trader");
        sale(other, "o-1", Map.of("bidId", bid.getString("bidId"), "minProceeds", "0")).then().statusCode(403)
                .body("type", endsWith("/forbidden"));
        sale(trader, "more", Map.of("quantity", "4.5", "minProceeds", "0")).then().statusCode(409)
                .body("type", endsWith("/exceeds-position")).body("detail", containsString("holds 4 contracts"));
        sale(trader, "greedy", Map.of("bidId", bid.getString("bidId"), "minProceeds",
                proceeds.add(BigDecimal.ONE).toPlainString())).then().statusCode(409)
                .body("type", endsWith("/min-proceeds-not-met"));
        sale(trader, "neg", Map.of("quantity", "1", "minProceeds", "-1")).then().statusCode(400)
                .body("type", endsWith("/invalid-amount"));
        sale(trader, "both", Map.of("bidId", bid.getString("bidId"), "quantity", "1", "minProceeds", "0")).then()
                .statusCode(400).body("type", endsWith("/invalid-field"));
        as(trader).body(Map.of("quantity", "1", "minProceeds", "0")).post("/api/v1/positions/" + position
                + "/sales").then().statusCode(400).body("type", endsWith("/missing-idempotency-key"));
        sale(trader, "nobody", Map.of("quantity", "1", "minProceeds", "0"), "stc-t999").then().statusCode(404);
        assertThat(vault().getString("balances.cash")).isEqualTo(before.getString("balances.cash"));

        // Taken: the pool pays the bid, the position holds 3, a repeat of the request answers the same.
        Response sold = sale(trader, "sell-1", Map.of("bidId", bid.getString("bidId"), "minProceeds", "0"));
        assertThat(sold.statusCode()).as(sold.asString()).isEqualTo(201);
        assertThat(sold.jsonPath().getString("proceeds")).isEqualTo(proceeds.toPlainString());
        assertThat(sold.jsonPath().getString("remaining")).isEqualTo("3");
        Response again = sale(trader, "sell-1", Map.of("bidId", bid.getString("bidId"), "minProceeds", "0"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("tradeId")).isEqualTo(sold.jsonPath().getString("tradeId"));
        sale(trader, "sell-1b", Map.of("bidId", bid.getString("bidId"), "minProceeds", "0")).then().statusCode(409)
                .body("type", endsWith("/quote-taken"));
        JsonPath after = vault();
        assertThat(new BigDecimal(after.getString("balances.cash"))).isEqualByComparingTo(
                new BigDecimal(before.getString("balances.cash")).subtract(proceeds));
        assertThat(new BigDecimal(after.getString("balances.locked"))).isLessThan(
                new BigDecimal(before.getString("balances.locked")));
        assertThat(new BigDecimal(after.getString("balances.buffer"))).isGreaterThan(
                new BigDecimal(before.getString("balances.buffer")));

        // The rest at market with a minimum: the position is closed, nothing locked for the series.
        Response rest = sale(trader, "sell-rest", Map.of("quantity", "3", "minProceeds", "0.01"));
        assertThat(rest.statusCode()).as(rest.asString()).isEqualTo(201);
        assertThat(rest.jsonPath().getString("remaining")).isEqualTo("0");
        JsonPath positions = as(trader).get("/api/v1/positions").then().statusCode(200).extract().jsonPath();
        String mine = "find { it.id == '" + position + "' }";
        assertThat(positions.getString(mine + ".status")).isEqualTo("CLOSED");
        assertThat(positions.getString(mine + ".quantity")).isEqualTo("0");
        assertThat(positions.getString(mine + ".bought")).isEqualTo("4");
        assertThat(positions.getString(mine + ".paid")).isEqualTo(paid.toPlainString());
        assertThat(new BigDecimal(vault().getString("balances.locked"))).isZero();
        sale(trader, "sell-more", Map.of("quantity", "1", "minProceeds", "0")).then().statusCode(409)
                .body("type", endsWith("/exceeds-position"));

        // The history: the buy as bought, then each sale with its proceeds, newest first.
        JsonPath history = as(trader).get("/api/v1/trades").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("trades.kind")).containsExactly("SELL", "SELL", "BUY");
        assertThat(history.getString("trades[1].amount")).isEqualTo(proceeds.toPlainString());
        assertThat(history.getString("trades[2].quantity")).isEqualTo("4");
        assertThat(history.getList("trades.positionId")).containsOnly(position);

        // The books balance: every entry folds to the vault's balances.
        try (Connection db = LocalDatabase.connect()) {
            assertThat(JournalFold.mismatches(db)).isEmpty();
            try (ResultSet r = db.createStatement().executeQuery("SELECT count(*), sum(quantity) FROM buyback "
                    + "WHERE position = '" + position + "'")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2);
                assertThat(r.getLong(2)).isEqualTo(4_000_000L);
            }
        }
    }

    @Test
    void aSeriesWithASoldBackPositionSettlesTheOthersOnly() {
        Api.openVault("stc2", "STD", Map.of());
        Api.price("STD", "2000");
        Api.post(token("lena", "lp"), "/api/v1/vaults/stc2/deposits", Map.of("amount", "100000")).statusCode(201);
        String trader = token("sid", "trader");
        String expiry = Api.now().plusSeconds(2 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        Map<String, Object> order = Map.of("type", "call", "strike", "1900", "expiry", expiry, "quantity", "1",
                "maxPremium", "100000");
        String closed = as(trader).header("Idempotency-Key", "a").body(order).post("/api/v1/vaults/stc2/trades")
                .then().statusCode(201).extract().path("tradeId");
        String kept = as(trader).header("Idempotency-Key", "b").body(order).post("/api/v1/vaults/stc2/trades")
                .then().statusCode(201).extract().path("tradeId");
        sale(trader, "close", Map.of("quantity", "1", "minProceeds", "0"), closed).then().statusCode(201);

        // Prices in the settlement window, then past expiry an operator settles: the kept position is paid, the
        // closed one had nothing left to settle.
        Instant exp = Instant.parse(expiry);
        Api.advance(Duration.between(Api.now(), exp.minus(Duration.ofMinutes(3))).toString());
        for (int i = 0; i < 3; i++) {
            Api.price("STD", "2000");
            Api.advance("PT1M");
        }
        Api.advance("PT1M");
        as(token("opal", "operator")).post("/api/v1/vaults/stc2/settlements").then().statusCode(200);
        JsonPath positions = as(trader).get("/api/v1/positions").then().statusCode(200).extract().jsonPath();
        assertThat(positions.getString("find { it.id == '" + kept + "' }.status")).isEqualTo("PAID");
        assertThat(positions.getString("find { it.id == '" + closed + "' }.status")).isEqualTo("CLOSED");
        assertThat(positions.getString("find { it.id == '" + closed + "' }.payout")).isNull();
    }

    /** A sale of the first test's position. */
    private static Response sale(String trader, String key, Map<String, Object> body) {
        return sale(trader, key, body, held);
    }

    private static Response sale(String trader, String key, Map<String, Object> body, String position) {
        return as(trader).header("Idempotency-Key", key).body(body).post("/api/v1/positions/" + position + "/sales");
    }

    private static JsonPath vault() {
        return given().get(VAULT).then().statusCode(200).extract().jsonPath();
    }
}
