package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fund's public record a page at a time (issue #25): series and settlement reports paginated by a range, a
 * limit and an opaque cursor, as JSON and as CSV with the next page in a {@code Link} header; and one rule for
 * numbers in every answer: money, prices, quantities and shares as decimal strings, ratios as plain JSON numbers,
 * durations as ISO-8601 with days.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class PublicRecordTest {

    private static final String VAULT = "/api/v1/vaults/rec";

    @Test
    void seriesAndSettlementsComeAPageAtATimeAsJsonAndCsv() {
        Api.openVault("rec", "REC", Map.of());
        Api.price("REC", "2000");
        Api.post(token("lena", "lp"), VAULT + "/deposits", Map.of("amount", "1000000")).statusCode(201);
        String trader = token("tom", "trader");
        Instant soon = Instant.parse(Api.now().plusSeconds(2 * 86_400).toString().substring(0, 10) + "T08:00:00Z");
        Instant later = soon.plus(Duration.ofDays(7));
        int key = 0;
        for (Instant expiry : List.of(soon, later)) {
            for (String strike : List.of("1900", "2000", "2100")) {
                as(trader).header("Idempotency-Key", "k" + key++).body(Map.of("type", "call", "strike", strike,
                        "expiry", expiry.toString(), "quantity", "1", "maxPremium", "100000"))
                        .post(VAULT + "/trades").then().statusCode(201);
            }
        }

        // Six series, two at a time, in expiry then id order, with no gap and no repeat.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(VAULT + "/series").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("series.seriesId"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        JsonPath all = given().get(VAULT + "/series").then().statusCode(200).extract().jsonPath();
        assertThat(seen).hasSize(6).doesNotHaveDuplicates().isEqualTo(all.getList("series.seriesId"));
        assertThat(all.getString("next")).isNull();
        // A range of expiries: the later three only.
        assertThat(given().queryParam("from", later.toString()).get(VAULT + "/series").then().statusCode(200)
                .extract().<List<String>>path("series.expiry")).hasSize(3).allMatch(e -> e.equals(later.toString()));

        // The same as CSV: a header and two lines, the next page in a Link header that keeps the query.
        Response csv = given().accept("text/csv").queryParam("limit", 2).get(VAULT + "/series");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.asString().split("\r\n")).hasSize(3);
        assertThat(csv.asString()).startsWith("seriesId,type,strike,expiry,openInterest,locked,status,mark,iv,");
        String link = csv.header("Link");
        assertThat(link).contains("limit=2").contains("cursor=").endsWith("rel=\"next\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertThat(given().accept("text/csv").get(next).then().statusCode(200).extract().asString().split("\r\n"))
                .hasSize(3);

        // Refused, typed: a cursor the service did not give, a limit out of range, a bad instant.
        given().queryParam("cursor", "bm90LW91cnM").get(VAULT + "/series").then().statusCode(400)
                .body("type", endsWith("/invalid-cursor"));
        given().queryParam("cursor", "bm90LW91cnM").get(VAULT + "/settlements").then().statusCode(400)
                .body("type", endsWith("/invalid-cursor"));
        given().queryParam("limit", 0).get(VAULT + "/settlements").then().statusCode(400)
                .body("type", endsWith("/invalid-field"));
        given().queryParam("limit", 1001).get(VAULT + "/series").then().statusCode(400);
        given().queryParam("from", "yesterday").get(VAULT + "/settlements").then().statusCode(400);

        // The three soon series settle; their reports two at a time, oldest first.
        Api.advance(Duration.between(Api.now(), soon.minus(Duration.ofMinutes(3))).toString());
        for (int i = 0; i < 3; i++) {
            Api.price("REC", "2050");
            Api.advance("PT1M");
        }
        Api.advance("PT1M");
        as(token("opal", "operator")).post(VAULT + "/settlements").then().statusCode(200);
        JsonPath first = given().queryParam("limit", 2).get(VAULT + "/settlements").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("settlements")).hasSize(2);
        JsonPath second = given().queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get(VAULT + "/settlements").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("settlements")).hasSize(1);
        assertThat(second.getString("next")).isNull();
        List<String> settled = new ArrayList<>(first.getList("settlements.seriesId"));
        settled.addAll(second.getList("settlements.seriesId"));
        assertThat(settled).hasSize(3).doesNotHaveDuplicates().allMatch(id -> id.contains("C"));
        assertThat(given().queryParam("to", soon.toString()).get(VAULT + "/settlements").then().statusCode(200)
                .extract().<List<Object>>path("settlements")).isEmpty();
        // A ratio is a plain JSON number.
        assertThat(second.getDouble("settlements[0].payoutRatio")).isEqualTo(1.0);
    }

    @Test
    void moneyIsADecimalStringRatiosArePlainNumbersDurationsCountDays() {
        Api.openVault("num", "NUM", Map.of());
        Api.price("NUM", "2000");
        Api.post(token("lena", "lp"), "/api/v1/vaults/num/deposits", Map.of("amount", "100000")).statusCode(201);
        String raw = given().get("/api/v1/vaults/num").then().statusCode(200).extract().asString();
        JsonPath vault = JsonPath.from(raw);
        assertThat(vault.get("sharePrice") instanceof String).as(raw).isTrue();
        assertThat(vault.get("nav") instanceof String).as(raw).isTrue();
        assertThat(vault.get("utilization") instanceof Number).as(raw).isTrue();
        String buffer = given().get("/api/v1/vaults/num/buffer").then().statusCode(200).extract().asString();
        JsonPath policy = JsonPath.from(buffer);
        assertThat(policy.getString("policy.spotFeeRate")).isEqualTo("0.0005");
        assertThat(policy.getString("policy.maxExpiry")).isEqualTo("P90D");
        assertThat(policy.getString("policy.forcedSettlementGrace")).isEqualTo("P1D");
        // No exponent anywhere a person or a spreadsheet reads.
        assertThat(raw + buffer).doesNotContainPattern("\\d[eE][-+]?\\d");
    }
}
