package io.backstop.service;

import io.backstop.service.local.LocalMode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tests' PostgreSQL: local mode's own launcher on a temporary data directory, removed afterwards. The
 * simulated feed is off, so every price a test relies on is one it posted.
 */
public class LocalDatabase implements QuarkusTestResourceLifecycleManager {

    /** The running test database's settings, for tests that look at it directly. */
    private static volatile Map<String, String> settings = Map.of();

    private static volatile LocalMode running;

    private Path dataDir;
    private LocalMode local;

    /** Stops the test database as a crash would. */
    static void crash() {
        running.database().crash();
    }

    /** Starts the test database again on the same port, after {@link #crash()}. */
    static void restart() {
        running.database().start();
    }

    /** One of the test database's settings, such as {@code quarkus.datasource.jdbc.url}. */
    static String setting(String key) {
        return settings.get(key);
    }

    /** Flyway on the test database, as the service's role. */
    static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return org.flywaydb.core.Flyway.configure().dataSource(setting("quarkus.datasource.jdbc.url"),
                setting("quarkus.datasource.username"), setting("quarkus.datasource.password"));
    }

    /** A plain JDBC connection to the test database, as the service's role. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("backstop-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local = LocalMode.start(dataDir);
        running = local;
        Map<String, String> config = new HashMap<>(local.config());
        config.put("backstop.feed.enabled", "false");
        config.put("backstop.settlement.interval", "PT1S");
        config.put("backstop.history.interval", "PT1S");
        settings = Map.copyOf(config);
        return config;
    }

    @Override
    public void stop() {
        if (local != null) {
            local.close();
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
