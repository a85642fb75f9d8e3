package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.service.app.ServiceClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Local mode's clock: its offset lives in the database, every instance reloads it each second, and it never runs
 * backwards. A reload whose read raced an advance (read before the advance committed, applied after it) once set
 * the clock back by the advance; a price posted in that moment was stamped minutes early and left a gap in a
 * settlement window, so the series stayed pending.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class ClockTest {

    @Inject
    ServiceClock clock;


    @Test
    void aReloadThatReadAnOffsetOlderThanTheLastAdvanceLeavesTheClockWhereItIs() throws Throwable {
        Instant advanced = Api.advance("PT4M");
        try (Connection db = LocalDatabase.connect();
                Statement s = db.createStatement()) {
            long offset = offset(s);
            // What a reload reads when its query ran just before the advance committed.
            s.executeUpdate("UPDATE service_clock SET offset_ms = " + (offset - Duration.ofMinutes(4).toMillis()));
            try {
                reload();
                assertThat(Api.now()).isAfterOrEqualTo(advanced);
            } finally {
                s.executeUpdate("UPDATE service_clock SET offset_ms = GREATEST(offset_ms, " + offset + ")");
            }
        }
    }

    @Test
    void aReloadTakesUpAnAdvanceMadeByAnotherInstance() throws Throwable {
        Instant before = Api.now();
        try (Connection db = LocalDatabase.connect();
                Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE service_clock SET offset_ms = offset_ms + " + Duration.ofHours(1).toMillis());
        }
        reload();
        assertThat(Api.now()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
    }

    private void reload() throws Throwable {
        VertxContextSupport.subscribeAndAwait(clock::refresh);
    }

    private static long offset(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT offset_ms FROM service_clock WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
