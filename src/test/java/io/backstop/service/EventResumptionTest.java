package io.backstop.service;

import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Events that can be resumed (issue #27): each SSE event carries {@code id:} (its outbox id) and {@code event:} (its
 * type); a client reconnecting with {@code Last-Event-ID} gets everything after it, then live events, with no gap
 * and no repeat.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class EventResumptionTest {

    private static final Pattern ID = Pattern.compile("^id:\\s*(\\d+)$");

    @TestHTTPResource("/api/v1/vaults/resume/events")
    URI stream;

    @Test
    void aClientReconnectingWithLastEventIdMissesNothingAndSeesNothingTwice() throws Exception {
        Api.openVault("resume", "RSM", Map.of());
        Api.price("RSM", "2000");
        String lp = token("rhea", "lp");
        BlockingQueue<String> first = Api.subscribeRaw(stream, null);
        Thread.sleep(500); // the subscription is live before the deposit commits
        Api.post(lp, "/api/v1/vaults/resume/deposits", Map.of("amount", "100")).statusCode(201);
        List<String> seen = until(first, "DepositMade", 1);
        long last = lastId(seen);
        assertThat(seen).contains("event:DepositMade").anyMatch(l -> l.startsWith("data:{\"id\":" + last));

        // Two deposits while the client is away, then it comes back with the last id it saw.
        Api.post(lp, "/api/v1/vaults/resume/deposits", Map.of("amount", "200")).statusCode(201);
        Api.post(lp, "/api/v1/vaults/resume/deposits", Map.of("amount", "300")).statusCode(201);
        BlockingQueue<String> again = Api.subscribeRaw(stream, Long.toString(last));
        Api.post(lp, "/api/v1/vaults/resume/deposits", Map.of("amount", "400")).statusCode(201);
        List<String> resumed = until(again, "DepositMade", 3);
        List<Long> ids = ids(resumed);
        assertThat(ids).as("after %d, in order, once each", last).isSorted().doesNotHaveDuplicates()
                .allMatch(id -> id > last);
        assertThat(resumed.stream().filter(l -> l.startsWith("data:") && l.contains("\"type\":\"DepositMade\"")))
                .hasSize(3).anyMatch(l -> l.contains("\"amount\":\"200\"")).anyMatch(l -> l.contains("\"300\""))
                .anyMatch(l -> l.contains("\"400\""));

        // An id that is not one: refused, typed.
        given().header("Last-Event-ID", "yesterday").accept("text/event-stream").get(stream.getPath()).then()
                .statusCode(400).body("type", endsWith("/invalid-field"));
    }

    /** Lines until {@code count} events of a type have arrived (15 s at most). */
    private static List<String> until(BlockingQueue<String> stream, String type, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        int found = 0;
        long deadline = System.currentTimeMillis() + 15_000;
        while (found < count && System.currentTimeMillis() < deadline) {
            String line = stream.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                lines.add(line);
                if (line.equals("event:" + type)) {
                    found++;
                }
            }
        }
        // What else follows at once (a repeat would show here).
        String more;
        while ((more = stream.poll(500, TimeUnit.MILLISECONDS)) != null) {
            lines.add(more);
        }
        assertThat(found).as("events of type %s in %s", type, lines).isEqualTo(count);
        return lines;
    }

    private static List<Long> ids(List<String> lines) {
        List<Long> ids = new ArrayList<>();
        for (String l : lines) {
            Matcher m = ID.matcher(l);
            if (m.matches()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }

    private static long lastId(List<String> lines) {
        List<Long> ids = ids(lines);
        return ids.get(ids.size() - 1);
    }
}
