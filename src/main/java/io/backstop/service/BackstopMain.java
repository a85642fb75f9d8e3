package io.backstop.service;

import io.backstop.service.local.LocalMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Starts the service. Without a configured datasource it runs in local mode: a private PostgreSQL in
 * {@code ${BACKSTOP_DATA_DIR:-./data}} and locally signed tokens, stopped cleanly when the service stops.
 */
@QuarkusMain
public final class BackstopMain {

    private BackstopMain() {
    }

    public static void main(String... args) {
        if (externalDatabase()) {
            Quarkus.run(args);
            return;
        }
        String dataDir = System.getenv().getOrDefault("BACKSTOP_DATA_DIR", "./data");
        try (LocalMode local = LocalMode.start(Path.of(dataDir))) {
            local.config().forEach(System::setProperty);
            Quarkus.run(args);
        }
    }

    private static boolean externalDatabase() {
        return System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null
                || System.getProperty("quarkus.datasource.reactive.url") != null;
    }
}
