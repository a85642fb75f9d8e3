package io.backstop.vault.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepricingTriggerTest {

    private static final VaultParameters DEFAULTS = VaultParameters.defaults(); // every 5 s, or a 1% move
    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void aBookNeverRepricedIsDueAtTheFirstPrice() {
        assertThat(RepricingTrigger.isDue(DEFAULTS, null, null, AT, 2000)).isTrue();
    }

    @Test
    void aQuietMarketRepricesOncePerInterval() {
        assertThat(RepricingTrigger.isDue(DEFAULTS, AT, 2000.0, AT.plusMillis(4_999), 2019.9)).isFalse();
        assertThat(RepricingTrigger.isDue(DEFAULTS, AT, 2000.0, AT.plusSeconds(5), 2000)).isTrue();
    }

    @Test
    void aMoveOfTheThresholdEitherWayRepricesAtOnce() {
        assertThat(RepricingTrigger.isDue(DEFAULTS, AT, 2000.0, AT.plusMillis(1), 2020)).isTrue();
        assertThat(RepricingTrigger.isDue(DEFAULTS, AT, 2000.0, AT.plusMillis(1), 1980)).isTrue();
        assertThat(RepricingTrigger.isDue(DEFAULTS, AT, 2000.0, AT.plusMillis(1), 1980.1)).isFalse();
    }

    @Test
    void aZeroIntervalRepricesAtEveryPrice() {
        VaultParameters always = DEFAULTS.with(Map.of("riskReassessInterval", "PT0S"), null);
        assertThat(RepricingTrigger.isDue(always, AT, 2000.0, AT, 2000)).isTrue();
    }
}
