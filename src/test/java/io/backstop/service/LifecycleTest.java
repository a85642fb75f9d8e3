package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole life of a trade over HTTP against the real PostgreSQL: deposit, quote, buy, clock advance, TWAP
 * settlement, automatic payout, withdrawal — every balance checked to the unit.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class LifecycleTest {

    @Test
    void depositQuoteBuySettleAtTwapPayOutAndWithdraw() {
        Api.openVault("life", "LIFE", Map.of("quoteValidity", "PT2M"));
        String lp = token("lina", "lp");
        String trader = token("tom", "trader");
        Api.price("LIFE", "2000");

        JsonPath deposit = post(lp, "/api/v1/vaults/life/deposits", Map.of("amount", "100000")).statusCode(201)
                .extract().jsonPath();
        assertThat(deposit.getString("amount")).isEqualTo("100000");
        assertThat(deposit.getString("shares")).isEqualTo("100000");

        Instant expiry = Api.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(8));
        JsonPath quote = as(trader).body(Map.of("type", "call", "strike", 2000, "expiry", expiry.toString(),
                "quantity", "2")).post("/api/v1/vaults/life/quotes").then().statusCode(201).extract().jsonPath();
        BigDecimal premium = new BigDecimal(quote.getString("premium"));
        BigDecimal bufferShare = new BigDecimal(quote.getString("breakdown.bufferContribution"));
        BigDecimal fees = new BigDecimal(quote.getString("breakdown.fees"));
        assertThat(premium).isEqualByComparingTo(new BigDecimal(quote.getString("breakdown.theoretical"))
                .add(new BigDecimal(quote.getString("breakdown.spread"))).add(fees));

        JsonPath trade = post(trader, "/api/v1/vaults/life/trades", Map.of("quoteId", quote.getString("quoteId"),
                "maxPremium", premium.toPlainString())).statusCode(201).extract().jsonPath();
        assertThat(trade.getString("premium")).isEqualTo(premium.toPlainString());

        JsonPath vault = given().get("/api/v1/vaults/life").then().statusCode(200).extract().jsonPath();
        BigDecimal locked = new BigDecimal(vault.getString("balances.locked"));
        assertThat(locked).isEqualByComparingTo("4000"); // 2 calls × spot 2000 × callCollateralFactor 1
        assertThat(new BigDecimal(vault.getString("balances.cash"))).isEqualByComparingTo(premium.add(
                new BigDecimal("100000")));
        assertThat(new BigDecimal(vault.getString("balances.buffer"))).isEqualByComparingTo(bufferShare);
        assertThat(new BigDecimal(vault.getString("balances.treasury"))).isEqualByComparingTo(fees.subtract(
                bufferShare));
        BigDecimal lpIncome = premium.subtract(fees);
        assertThat(new BigDecimal(vault.getString("balances.lpFree"))).isEqualByComparingTo(
                new BigDecimal("100000").add(lpIncome).subtract(locked));

        JsonPath live = given().get("/api/v1/vaults/life/series").then().statusCode(200).extract().jsonPath();
        assertThat(live.getString("series[0].status")).isEqualTo("LIVE");
        assertThat(live.getString("series[0].openInterest")).isEqualTo("2");
        assertThat(live.getDouble("series[0].iv")).isEqualTo(0.8);
        assertThat(new BigDecimal(live.getString("series[0].mark"))).isPositive(); // a price: a decimal string

        // 2100 every 4 minutes over the last 20 of the 30-minute window (gaps under maxPriceAge, 5 minutes);
        // the 2000 from days before is stale and left out, so the TWAP is 2100.
        Api.advance(Duration.between(Api.now(), expiry.minus(Duration.ofMinutes(20))).toString());
        for (int i = 0; i < 5; i++) {
            Api.price("LIFE", "2100");
            Api.advance("PT4M");
        }
        Api.advance("PT2M"); // past expiry: the advance settles at once

        JsonPath settled = given().get("/api/v1/vaults/life/series").then().statusCode(200).extract().jsonPath();
        assertThat(settled.getString("series[0].status")).as("pending: %s", settled.getString("series[0].pendingReason"))
                .isEqualTo("SETTLED");
        assertThat(settled.getString("series[0].settlementPrice")).isEqualTo("2100");
        JsonPath settlement = given().get("/api/v1/vaults/life/settlements").then().statusCode(200).extract()
                .jsonPath();
        assertThat(settlement.getString("settlements[0].price")).isEqualTo("2100");
        assertThat(settlement.getString("settlements[0].claims")).isEqualTo("200");
        assertThat(settlement.getString("settlements[0].paid")).isEqualTo("200");
        assertThat(settlement.getString("settlements[0].fromLocked")).isEqualTo("200");
        assertThat(settlement.getString("settlements[0].socialisedLoss")).isEqualTo("0");
        as(trader).get("/api/v1/positions").then().statusCode(200)
                .body("find { it.vault == 'life' }.status", equalTo("PAID"))
                .body("find { it.vault == 'life' }.payout", equalTo("200"));

        JsonPath after = given().get("/api/v1/vaults/life").then().statusCode(200).extract().jsonPath();
        BigDecimal lpFree = new BigDecimal("100000").add(lpIncome).subtract(new BigDecimal("200"));
        assertThat(new BigDecimal(after.getString("balances.cash"))).isEqualByComparingTo(
                new BigDecimal("100000").add(premium).subtract(new BigDecimal("200")));
        assertThat(new BigDecimal(after.getString("balances.locked"))).isZero();
        assertThat(new BigDecimal(after.getString("balances.lpFree"))).isEqualByComparingTo(lpFree);
        assertThat(new BigDecimal(after.getString("nav"))).isEqualByComparingTo(lpFree);

        JsonPath account = as(lp).get("/api/v1/vaults/life/accounts/me").then().statusCode(200).extract().jsonPath();
        JsonPath withdrawal = post(lp, "/api/v1/vaults/life/withdrawals", Map.of("shares", account.getString("shares")))
                .statusCode(201).extract().jsonPath();
        assertThat(withdrawal.getString("status")).isEqualTo("PAID");
        assertThat(withdrawal.getString("amount")).isEqualTo(account.getString("value"));
        // Rounding favours the pool: the LP gets at most NAV, the rest stays behind.
        assertThat(new BigDecimal(withdrawal.getString("amount"))).isLessThanOrEqualTo(lpFree);
        JsonPath end = given().get("/api/v1/vaults/life").then().statusCode(200).extract().jsonPath();
        assertThat(end.getString("totalShares")).isEqualTo("0");
        BigDecimal cash = new BigDecimal(end.getString("balances.cash"));
        BigDecimal sum = new BigDecimal(end.getString("balances.lpFree")).add(new BigDecimal(end.getString(
                "balances.locked"))).add(new BigDecimal(end.getString("balances.buffer"))).add(new BigDecimal(
                end.getString("balances.treasury"))).add(new BigDecimal(end.getString("balances.dust")));
        assertThat(cash).isEqualByComparingTo(sum);
    }

    @Test
    void theApiDescribesItselfAtOpenApiAndSwaggerUi() {
        String openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertThat(openApi).contains("/api/v1/vaults/{id}/deposits").contains("/api/v1/oracle/prices")
                .contains("/api/v1/vaults/{id}/buffer/policy/preview");
        assertThat(given().get("/q/swagger-ui/").then().statusCode(200).extract().asString())
                .contains("swagger-ui");
    }
}
