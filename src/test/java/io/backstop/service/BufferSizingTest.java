package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.backstop.service.app.BufferSizingRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The buffer sized by simulation inside the service: an operator's sizing runs the simulator on the vault as it
 * stands, is stored with its inputs and shown in the buffer view, its CVaR enters coverage, the same seed gives the
 * same figures, and two intervals on it is stale (issue #24).
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class BufferSizingTest {

    private static final String VAULT = "/api/v1/vaults/sized";

    @Inject
    BufferSizingRun schedule;

    @Test
    void anOperatorsSizingIsStoredWithItsInputsEntersCoverageAndGoesStale() throws Throwable {
        Api.openVault("sized", "SIZD", Map.of("callCollateralFactor", "0.2"));
        Api.price("SIZD", "2000");
        String operator = token("otis", "operator");
        Map<String, Object> ask = Map.of("paths", 1000, "horizonDays", 30, "seed", 42, "target", "0.01");
        // Nothing to simulate before any LP capital.
        as(operator).body(ask).post(VAULT + "/buffer/sizing").then().statusCode(409)
                .body("type", endsWith("/nothing-to-simulate"));
        post(token("lina", "lp"), VAULT + "/deposits", Map.of("amount", "10000")).statusCode(201);
        trade("15"); // at a fifth of spot's collateral: a rally of a third takes more than LP capital

        JsonPath sized = as(operator).body(ask).post(VAULT + "/buffer/sizing").then().statusCode(201).extract()
                .jsonPath();
        assertThat(sized.getInt("sizing.paths")).isEqualTo(1000);
        assertThat(sized.getLong("sizing.seed")).isEqualTo(42);
        assertThat(sized.getString("requestedBy")).isEqualTo("otis");
        assertThat(sized.getString("sizing.model")).startsWith("GBM, spot 2000");
        BigDecimal cvar99 = new BigDecimal(sized.getString("sizing.cvar99"));
        assertThat(cvar99).isPositive();
        assertThat(cvar99).isGreaterThanOrEqualTo(new BigDecimal(sized.getString("sizing.var99")));
        assertThat(new BigDecimal(sized.getString("sizing.cvar999"))).isGreaterThanOrEqualTo(cvar99);
        assertThat(sized.getDouble("sizing.bufferDrawProbability")).isPositive();
        assertThat(new BigDecimal(sized.getString("sizing.recommendedBuffer"))).isPositive();

        // Shown in the buffer view, fresh; coverage is over the larger of the grid's loss and the CVaR.
        JsonPath buffer = given().get(VAULT + "/buffer").then().statusCode(200).extract().jsonPath();
        assertThat(buffer.getString("sizing.sizing.cvar99")).isEqualTo(sized.getString("sizing.cvar99"));
        assertThat(buffer.getString("sizing.stale")).isNull();
        assertThat(new BigDecimal(buffer.getString("stressLoss"))).isGreaterThanOrEqualTo(cvar99);

        // The same seed on the same book: the same figures.
        JsonPath again = as(operator).body(ask).post(VAULT + "/buffer/sizing").then().statusCode(201).extract()
                .jsonPath();
        for (String figure : new String[] {"var99", "var999", "cvar99", "cvar999", "recommendedBuffer"}) {
            assertThat(again.getString("sizing." + figure)).as(figure).isEqualTo(sized.getString("sizing." + figure));
        }

        // Two intervals (PT1H each) on, the sizing no longer describes the vault, and says so.
        Api.advance("PT2H1M");
        assertThat(given().get(VAULT + "/buffer").then().extract().<String>path("sizing.stale"))
                .startsWith("sized at ").endsWith("more than PT2H ago");
        // The schedule's pass sizes what is an interval old or more, with its own defaults, seeded by the time.
        Api.price("SIZD", "2000");
        VertxContextSupport.subscribeAndAwait(schedule::sizeDue);
        JsonPath scheduled = given().get(VAULT + "/buffer").then().statusCode(200).extract().jsonPath();
        assertThat(scheduled.getString("sizing.requestedBy")).isEqualTo("schedule");
        assertThat(scheduled.getString("sizing.stale")).isNull();
        assertThat(scheduled.getInt("sizing.sizing.paths")).isEqualTo(2000);
        assertThat(scheduled.getLong("sizing.sizing.seed")).isCloseTo(Api.now().getEpochSecond(),
                org.assertj.core.api.Assertions.within(60L));

        // Hostile or wrong requests change nothing.
        as(operator).body(Map.of("paths", 50)).post(VAULT + "/buffer/sizing").then().statusCode(400);
        as(operator).body(Map.of("target", "0.9")).post(VAULT + "/buffer/sizing").then().statusCode(400);
        as(operator).body(Map.of("colour", "blue")).post(VAULT + "/buffer/sizing").then().statusCode(400)
                .body("type", endsWith("/unknown-field"));
        as(token("tad", "trader")).body(ask).post(VAULT + "/buffer/sizing").then().statusCode(403);
    }

    private static void trade(String quantity) {
        String trader = token("tad", "trader");
        String expiry = Api.now().plusSeconds(14 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        JsonPath quote = as(trader).body(Map.of("type", "call", "strike", "2000", "expiry", expiry, "quantity",
                quantity)).post(VAULT + "/quotes").then().statusCode(201).extract().jsonPath();
        post(trader, VAULT + "/trades", Map.of("quoteId", quote.getString("quoteId"), "maxPremium", "100000"))
                .statusCode(201);
    }
}
