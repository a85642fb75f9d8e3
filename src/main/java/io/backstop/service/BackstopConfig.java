package io.backstop.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings ({@code backstop.*}; environment variables {@code BACKSTOP_*}). */
@ConfigMapping(prefix = "backstop")
public interface BackstopConfig {

    /** True when the service started its own PostgreSQL and signs its own tokens. */
    @WithDefault("false")
    boolean localMode();

    /**
     * Local mode's data directory ({@code ./backstop serve --data-dir}); {@code BackstopMain} reads it before Quarkus
     * starts, and it is declared here so that the configuration check knows it.
     */
    Optional<String> dataDir();

    /** Local mode only. */
    Local local();

    /** The simulated oracle feed. */
    Feed feed();

    /** Oracle limits and the settlement window. */
    Oracle oracle();

    /** The settlement scheduler. */
    Settlement settlement();

    /** Sampling each vault's state for its history. */
    History history();

    /** How often each vault's NAV, share price, utilisation, buffer, coverage and band are recorded. */
    interface History {
        /** Between samples; samples are kept at most one per vault and minute. */
        @WithDefault("PT1M")
        Duration interval();
    }

    /** Local mode's private key for dev tokens, as a location smallrye-jwt reads (a file: URI). */
    interface Local {
        Optional<String> signingKey();
    }

    /** A GBM price path posted as the oracle for every vault's underlying (local mode only). */
    interface Feed {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("PT5S")
        Duration interval();

        @WithDefault("0.8")
        double volatility();
    }

    /** See {@code io.backstop.vault.oracle.OracleLimits}. */
    interface Oracle {
        @WithDefault("0.5")
        double maxPriceJump();

        @WithDefault("PT5M")
        Duration maxPriceAge();

        @WithDefault("PT30M")
        Duration settlementWindow();

        @WithDefault("2")
        int minimumPrices();

        @WithDefault("PT1H")
        Duration jumpWindow();
    }

    /** The buffer sized by simulation: its schedule and the simulation's default size. */
    BufferSizingSchedule bufferSizing();

    /** How often each vault's buffer is sized by simulation, and how. */
    interface BufferSizingSchedule {
        /** Between scheduled sizings of a vault; a sizing older than two intervals is stale. */
        @WithDefault("PT1H")
        Duration interval();

        @WithDefault("2000")
        int paths();

        @WithDefault("30")
        int horizonDays();

        /** The socialised-loss probability the recommended buffer aims at. */
        @WithDefault("0.01")
        double target();
    }

    /** How often expired series are looked for. */
    interface Settlement {
        @WithDefault("PT5S")
        Duration interval();
    }
}
