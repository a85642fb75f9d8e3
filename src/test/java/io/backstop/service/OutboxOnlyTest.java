package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.service.app.OutboxOnlyConnector;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Without a broker, as the service runs by default, the relay still runs: each event is handed to the
 * {@code vault-events} channel, acknowledged and marked relayed, and nothing is kept in memory for it (the soak in
 * BENCHMARKS.md shows the heap flat under load).
 */
@QuarkusTest
@TestProfile(OutboxOnlyTest.DefaultChannel.class)
class OutboxOnlyTest {

    /** The channel as configured outside tests. */
    public static class DefaultChannel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.vault-events.connector", OutboxOnlyConnector.NAME);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalDatabase.class));
        }
    }

    @Test
    void everyEventIsAcknowledgedCountedAndMarkedRelayed() throws Exception {
        Api.openVault("quiet", "QUIET", Map.of());
        String lp = token("olga", "lp");
        for (int i = 0; i < 20; i++) {
            as(lp).header("Idempotency-Key", "quiet-" + i).body(Map.of("amount", "100"))
                    .post("/api/v1/vaults/quiet/deposits").then().statusCode(201);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long unrelayed = -1;
        try (Connection db = LocalDatabase.connect(); Statement s = db.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE NOT relayed), count(*) "
                        + "FROM vault_event WHERE vault = 'quiet'")) {
                    rs.next();
                    unrelayed = rs.getLong(1);
                    assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(21);   // VaultOpened, 20 deposits
                }
                if (unrelayed == 0) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        assertThat(unrelayed).as("events not yet acknowledged by the channel").isZero();
        // Acknowledged by the outbox-only connector, which counts them and keeps none.
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^backstop_events_outbox_only_total\\S* (\\S+)$").matcher(metrics);
        assertThat(m.find()).as("the outbox-only connector's counter").isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(21);
    }
}
