package io.backstop.service;

import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A vault's history (issue #26): its state sampled into the database at most once a minute, read a page at a time,
 * as the dashboard's history charts draw it.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class VaultHistoryTest {

    private static final String VAULT = "/api/v1/vaults/hist";

    @Test
    void theVaultsStateIsSampledEachMinuteAndReadAPageAtATime() throws Exception {
        Api.openVault("hist", "HIST", Map.of());
        Api.price("HIST", "2000");
        Api.post(token("lena", "lp"), VAULT + "/deposits", Map.of("amount", "50000")).statusCode(201);
        JsonPath first = await(h -> h.getList("points").size() >= 1
                && "50000".equals(h.getString("points[-1].nav")));
        assertThat(first.getString("points[-1].sharePrice")).isEqualTo("1");
        assertThat(first.getString("points[-1].spot")).isEqualTo("2000");
        assertThat(first.getString("points[-1].riskLevel")).isEqualTo("NORMAL");
        assertThat(first.getDouble("points[-1].utilization")).isZero();

        // A minute later, after another deposit: a second sample, in order; within a minute, none more.
        Api.advance("PT2M");
        Api.price("HIST", "2000");
        Api.post(token("lena", "lp"), VAULT + "/deposits", Map.of("amount", "10000")).statusCode(201);
        JsonPath both = await(h -> "60000".equals(h.getString("points[-1].nav")));
        List<String> at = both.getList("points.at");
        assertThat(at).hasSize(2).isSorted();

        // A page at a time.
        JsonPath page = given().queryParam("limit", 1).get(VAULT + "/history").then().statusCode(200).extract()
                .jsonPath();
        assertThat(page.getList("points.nav")).containsExactly("50000");
        JsonPath next = given().queryParam("limit", 1).queryParam("cursor", page.getString("next"))
                .get(VAULT + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(next.getList("points.nav")).containsExactly("60000");
        given().queryParam("cursor", "bm90LW91cnM").get(VAULT + "/history").then().statusCode(400)
                .body("type", endsWith("/invalid-cursor"));
        given().get("/api/v1/vaults/nope/history").then().statusCode(404);
    }

    private static JsonPath await(Predicate<JsonPath> done) throws InterruptedException {
        JsonPath history = null;
        for (int i = 0; i < 100; i++) {
            history = given().get(VAULT + "/history").then().statusCode(200).extract().jsonPath();
            if (done.test(history)) {
                return history;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the history never showed it: " + history.prettify());
    }
}
