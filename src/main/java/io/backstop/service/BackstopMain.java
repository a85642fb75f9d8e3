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

    private static LocalMode local;

    private BackstopMain() {
    }

    public static void main(String... args) {
        if (externalDatabase()) {
            Quarkus.run(args);
            return;
        }
        // ./backstop serve --data-dir sets the property; the environment variable is the older way.
        String dataDir = System.getProperty("backstop.data-dir", System.getenv().getOrDefault("BACKSTOP_DATA_DIR",
                "./data"));
        local = LocalMode.start(Path.of(dataDir));
        local.config().forEach(System::setProperty);
        try {
            Quarkus.run(args);
        } finally {
            stopLocalMode();
        }
    }

    /**
     * Stops the PostgreSQL this process started, if any. Called from the service's shutdown too, because on a
     * signal the JVM exits before {@link #main} gets control back.
     */
    public static synchronized void stopLocalMode() {
        if (local != null) {
            local.close();
            local = null;
        }
    }

    private static boolean externalDatabase() {
        return System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") != null
                || System.getProperty("quarkus.datasource.reactive.url") != null;
    }
}
