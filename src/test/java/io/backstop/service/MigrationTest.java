package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Schema upgrades on books written by an earlier version: the migrations are applied to a schema of their own on
 * the tests' PostgreSQL, first up to the older version, then, with its rows in place, to the newest.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class MigrationTest {

    private static final String SCHEMA = "upgrade_from_v1";


    /** V2 keeps the volatility-up half of a stored twenty-scenario grid, in order, and leaves a ten alone. */
    @Test
    void storedStressGridsLoseTheirVolatilityDownColumn() throws Exception {
        LocalDatabase.flyway().schemas(SCHEMA).target("1").load().migrate();
        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + SCHEMA);
            sql.execute("""
                    INSERT INTO vault VALUES ('v1', 'ETH', 'USD', '{}', 0, 0, 0, 0, 0, 0, 0, 0, 'NORMAL',
                      '[0,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]', 0, 0, '[]', now())""");
            sql.execute("""
                    INSERT INTO option_series (vault, id, option_type, strike, expiry, open_interest, locked,
                      stress_values) VALUES
                      ('v1', 'old', 'PUT', 1, now(), 0, 0,
                        '[1.5,2.5,0.25,0.5,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18]'),
                      ('v1', 'new', 'PUT', 2, now(), 0, 0, '[1,2,3,4,5,6,7,8,9,10]')""");
        }

        LocalDatabase.flyway().schemas(SCHEMA).load().migrate();

        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + SCHEMA);
            assertThat(text(sql, "SELECT exposure FROM vault")).isEqualTo("[0, 2, 4, 6, 8, 10, 12, 14, 16, 18]");
            assertThat(text(sql, "SELECT stress_values FROM option_series WHERE id = 'old'"))
                    .isEqualTo("[2.5, 0.5, 4, 6, 8, 10, 12, 14, 16, 18]");
            assertThat(text(sql, "SELECT stress_values FROM option_series WHERE id = 'new'"))
                    .isEqualTo("[1,2,3,4,5,6,7,8,9,10]");
            sql.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    /**
     * V7 moves settled positions' payouts into rows of their own and leaves open positions without one; V12 keeps
     * what each position's trade bought and paid.
     */
    @Test
    void settledPayoutsMoveOutOfThePositionRows() throws Exception {
        String schema = "upgrade_from_v6";
        LocalDatabase.flyway().schemas(schema).target("6").load().migrate();
        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + schema);
            sql.execute("""
                    INSERT INTO vault VALUES ('v1', 'ETH', 'USD', '{}', 0, 0, 0, 0, 0, 0, 0, 0, 'NORMAL',
                      '[]', 0, 0, '[]', now(), NULL)""");
            sql.execute("""
                    INSERT INTO option_series (vault, id, option_type, strike, expiry, open_interest, locked,
                      stress_values) VALUES ('v1', 's', 'CALL', 1, now(), 3, 0, '[]')""");
            sql.execute("""
                    INSERT INTO position VALUES ('paid', 'v1', 'bob', 's', 1, 5, 70, true, now()),
                      ('nothing', 'v1', 'bob', 's', 1, 5, 0, false, now()),
                      ('open', 'v1', 'amy', 's', 1, 5, NULL, false, now())""");
        }

        LocalDatabase.flyway().schemas(schema).load().migrate();

        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + schema);
            assertThat(text(sql, "SELECT string_agg(position || ':' || amount || ':' || paid_out, ' ' ORDER BY "
                    + "position) FROM payout WHERE vault = 'v1' AND series = 's'"))
                    .isEqualTo("nothing:0:false paid:70:true");
            assertThat(text(sql, "SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
                    + "' AND table_name = 'position' AND column_name IN ('payout', 'paid_out')")).isEqualTo("0");
            assertThat(text(sql, "SELECT count(*) FROM position")).isEqualTo("3");
            // V12: what each trade bought and paid is kept beside what a position still holds.
            assertThat(text(sql, "SELECT string_agg(id || ':' || bought || ':' || paid, ' ' ORDER BY id) "
                    + "FROM position WHERE quantity = bought AND premium = paid"))
                    .isEqualTo("nothing:1:5 open:1:5 paid:1:5");
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** V8 bounds stored quote validities at two minutes in a new, audited parameter version, and no other. */
    @Test
    void longQuoteValiditiesAreBoundedInANewAuditedVersion() throws Exception {
        String schema = "upgrade_from_v7";
        LocalDatabase.flyway().schemas(schema).target("7").load().migrate();
        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + schema);
            sql.execute("""
                    INSERT INTO vault VALUES
                      ('long', 'ETH', 'USD', '{"version":3,"values":{"quoteValidity":"PT10M","optionFeeRate":"0.02"},
                        "surface":[]}', 0, 0, 0, 0, 0, 0, 0, 0, 'NORMAL', '[]', 0, 0, '[]', now(), NULL),
                      ('short', 'ETH', 'USD', '{"version":1,"values":{"quoteValidity":"PT30S"},"surface":[]}',
                        0, 0, 0, 0, 0, 0, 0, 0, 'NORMAL', '[]', 0, 0, '[]', now(), NULL)""");
        }

        LocalDatabase.flyway().schemas(schema).load().migrate();

        try (Connection db = LocalDatabase.connect();
                Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + schema);
            assertThat(text(sql, "SELECT parameters::jsonb #>> '{values,quoteValidity}' || ' v' || "
                    + "(parameters::jsonb ->> 'version') || ' fee ' || (parameters::jsonb #>> '{values,optionFeeRate}')"
                    + " FROM vault WHERE id = 'long'")).isEqualTo("PT2M v4 fee 0.02");
            assertThat(text(sql, "SELECT parameters FROM vault WHERE id = 'short'"))
                    .isEqualTo("{\"version\":1,\"values\":{\"quoteValidity\":\"PT30S\"},\"surface\":[]}");
            assertThat(text(sql, "SELECT string_agg(vault || ' ' || version || ' ' || actor || ': ' || reason, '; ') "
                    + "FROM parameter_change")).isEqualTo("long 4 migration V8: quoteValidity is at most PT2M now "
                    + "(was PT10M)");
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static String text(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
