package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A quote's risk receipt says what its trade does to the fund; the book's Greeks, the waterfall and the buffer's
 * record are read; and the market moves the risk ladder with no trade: a large move of the underlying reprices the
 * book on the stress grid at its first price and moves the band, with its event; a small move within the interval
 * does not; the way back moves it back. (Calls, because the grid's worst case for puts is already a crash to zero,
 * whatever the spot.)
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class RiskRepricingTest {

    private static final String VAULT = "/api/v1/vaults/crash";

    @Test
    void aRallyOfTheUnderlyingMovesTheBandWithNoTrade() throws Exception {
        // Calls collateralised at a fifth of spot, repriced by the clock only once an hour: only moves count.
        Api.openVault("crash", "CRSH", Map.of("callCollateralFactor", "0.2", "riskReassessInterval", "PT1H"));
        Api.price("CRSH", "2000");
        post(token("lou", "lp"), VAULT + "/deposits", Map.of("amount", "10000")).statusCode(201);
        String expiry = Api.now().plusSeconds(7 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        String trader = token("pia", "trader");
        JsonPath quote = as(trader).body(Map.of("type", "call", "strike", "2000", "expiry", expiry, "quantity", "15"))
                .post(VAULT + "/quotes").then().statusCode(201).extract().jsonPath();
        // The quote's risk receipt: nothing at risk now; taken, the trade would halt sales.
        assertThat(quote.getString("riskReceipt.levelBefore")).isEqualTo("NORMAL");
        assertThat(quote.getString("riskReceipt.stressLossBefore")).isEqualTo("0");
        assertThat(quote.get("riskReceipt.coverageBefore") == null).isTrue();
        assertThat(quote.getString("riskReceipt.levelAfter")).isEqualTo("HALTED");
        assertThat(quote.getDouble("riskReceipt.coverageAfter")).isLessThan(0.25);
        post(trader, VAULT + "/trades", Map.of("quoteId", quote.getString("quoteId"), "maxPremium", "100000"))
                .statusCode(201);
        assertThat(buffer().getString("riskLevel")).isEqualTo("HALTED");
        assertThat(buffer().getString("stressLoss")).isEqualTo(quote.getString("riskReceipt.stressLossAfter"));
        // The book's Greeks as the pool holds them: 15 calls short, at the money, a week out.
        JsonPath exposure = given().get(VAULT + "/exposure").then().statusCode(200).extract().jsonPath();
        assertThat(exposure.getString("spot")).isEqualTo("2000");
        assertThat(exposure.getList("book.series")).hasSize(1);
        assertThat(exposure.getString("book.series[0].openInterest")).isEqualTo("15");
        double delta = exposure.getDouble("book.delta");
        assertThat(delta).isBetween(-15 * 0.7, -15 * 0.4); // a near-the-money call's delta is about a half
        assertThat(exposure.getDouble("book.gamma")).isNegative();
        assertThat(exposure.getDouble("book.vega")).isNegative();
        assertThat(exposure.getDouble("book.theta")).isPositive();
        assertThat(metric("backstop_book_delta")).isCloseTo(delta, org.assertj.core.api.Assertions.within(0.01));
        // The waterfall: the series' collateral first, then LP capital; a doubling of spot goes through both.
        JsonPath waterfall = given().get(VAULT + "/waterfall").then().statusCode(200).extract().jsonPath();
        assertThat(waterfall.getString("locked[0].locked")).isEqualTo(given().get(VAULT).then().extract()
                .path("balances.locked"));
        assertThat(waterfall.getList("scenarios")).hasSize(10);
        assertThat(waterfall.getString("scenarios[0].reaches")).isEqualTo("NONE"); // a crash: the calls are worthless
        assertThat(waterfall.getString("scenarios[9].reaches")).isIn("BUFFER", "SOCIALISED");
        assertThat(waterfall.getString("scenarios[9].fromLp")).isEqualTo(waterfall.getString("lpDrawable"));
        // The buffer topped up to 5% above the stress loss: the band is NORMAL again.
        BigDecimal stress = new BigDecimal(buffer().getString("stressLoss"));
        BigDecimal topUp = stress.multiply(new BigDecimal("1.05")).setScale(6, RoundingMode.UP);
        post(token("otto", "operator"), VAULT + "/buffer/top-ups", Map.of("amount", topUp.toPlainString()))
                .statusCode(201);
        assertThat(buffer().getString("riskLevel")).isEqualTo("NORMAL");
        // The buffer's public record, a page at a time: the trade's fee share, then the top-up, each with the
        // balance after it, the day's closing balance, and the same as CSV.
        JsonPath page1 = given().queryParam("limit", 1).get(VAULT + "/buffer/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page1.getList("movements")).hasSize(1);
        assertThat(page1.getString("movements[0].settlement")).isNull();
        JsonPath page2 = given().queryParam("limit", 1).queryParam("cursor", page1.getString("next"))
                .get(VAULT + "/buffer/history").then().statusCode(200).extract().jsonPath();
        assertThat(new BigDecimal(page2.getString("movements[0].change"))).isEqualByComparingTo(topUp);
        assertThat(page2.getString("movements[0].balance")).isEqualTo(buffer().getString("balance"));
        assertThat(page2.getString("daily[0].balance")).isEqualTo(buffer().getString("balance"));
        assertThat(page2.getString("next")).isNull();
        String csv = given().accept("text/csv").get(VAULT + "/buffer/history").then().statusCode(200).extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("id,at,memo,change,balance,settlement\r\n");
        given().queryParam("cursor", "x").get(VAULT + "/buffer/history").then().statusCode(400);
        given().queryParam("from", "yesterday").get(VAULT + "/buffer/history").then().statusCode(400);
        long journalBefore = count("SELECT count(*) FROM journal WHERE vault = 'crash'");

        // 0.5% up, within riskReassessMove (1%) and the hour: not repriced.
        Api.price("CRSH", "2010");
        JsonPath quiet = buffer();
        assertThat(quiet.getString("riskRepriced.spot")).isEqualTo("2000");
        assertThat(quiet.getString("riskLevel")).isEqualTo("NORMAL");

        // 5% up: repriced at once, the calls' stress loss outgrows the buffer, the band moves, with its event.
        Api.price("CRSH", "2100");
        JsonPath crashed = buffer();
        assertThat(crashed.getString("riskRepriced.spot")).isEqualTo("2100");
        assertThat(new BigDecimal(crashed.getString("stressLoss"))).isGreaterThan(stress);
        assertThat(crashed.getDouble("coverage")).isLessThan(1.0);
        assertThat(crashed.getString("riskLevel")).isNotEqualTo("NORMAL");
        assertThat(given().get(VAULT).then().statusCode(200).extract().<String>path("riskLevel"))
                .isEqualTo(crashed.getString("riskLevel"));
        assertThat(events("RiskLevelChanged")).last().asString().contains("\"from\":\"NORMAL\"")
                .contains("\"to\":\"" + crashed.getString("riskLevel") + "\"");
        assertThat(count("SELECT count(*) FROM journal WHERE vault = 'crash'")).as("no money moved")
                .isEqualTo(journalBefore);

        // Back to 2000: repriced again, and the band with it.
        Api.price("CRSH", "2000");
        assertThat(buffer().getString("riskLevel")).isEqualTo("NORMAL");
        assertThat(events("RiskLevelChanged")).last().asString().contains("\"to\":\"NORMAL\"");
    }

    /** A gauge of this vault at {@code /q/metrics}, once the metrics' refresh (every 5 s) has read the books. */
    private static double metric(String name) throws InterruptedException {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("(?m)^" + name
                + "\\{[^}]*vault=\"crash\"[^}]*\\} (\\S+)$");
        for (int i = 0; i < 100; i++) {
            java.util.regex.Matcher m = line.matcher(given().get("/q/metrics").then().extract().asString());
            if (m.find() && Double.parseDouble(m.group(1)) != 0) {
                return Double.parseDouble(m.group(1));
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " for vault crash never appeared at /q/metrics");
    }

    private static JsonPath buffer() {
        return given().get(VAULT + "/buffer").then().statusCode(200).extract().jsonPath();
    }

    private static long count(String query) throws Exception {
        try (Connection db = LocalDatabase.connect(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> events(String type) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection db = LocalDatabase.connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT payload FROM vault_event WHERE vault = 'crash' AND type = '"
                        + type + "' ORDER BY id")) {
            while (rows.next()) {
                payloads.add(rows.getString(1));
            }
        }
        return payloads;
    }
}
