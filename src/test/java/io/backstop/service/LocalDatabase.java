package io.backstop.service;

import io.backstop.service.local.LocalMode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tests' PostgreSQL: local mode's own launcher on a temporary data directory, removed afterwards. The
 * simulated feed is off, so every price a test relies on is one it posted.
 */
public class LocalDatabase implements QuarkusTestResourceLifecycleManager {

    private Path dataDir;
    private LocalMode local;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("backstop-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local = LocalMode.start(dataDir);
        Map<String, String> config = new HashMap<>(local.config());
        config.put("backstop.feed.enabled", "false");
        config.put("backstop.settlement.interval", "PT1S");
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
