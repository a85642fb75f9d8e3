package io.backstop.vault.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaultParametersTest {

    @Test
    void aNewVaultsParametersAreVersionOneWithItsChangesAndEveryOtherDefault() {
        VaultParameters p = VaultParameters.initial(Map.of("maxUtilization", "0.6"));
        VaultParameters defaults = VaultParameters.defaults();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.maxUtilization()).isEqualTo(0.6);
        assertThat(p.surface()).isSameAs(defaults.surface());
        Map<String, String> expected = new LinkedHashMap<>(defaults.asText());
        expected.put("maxUtilization", p.asText().get("maxUtilization"));
        assertThat(p.asText()).isEqualTo(expected);
        assertThat(VaultParameters.initial(Map.of()).asText()).isEqualTo(defaults.asText());
    }

    @Test
    void aNewVaultRefusesAnUnknownOrOutOfBoundsValue() {
        assertThatThrownBy(() -> VaultParameters.initial(Map.of("maxUtilization", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxUtilization");
        assertThatThrownBy(() -> VaultParameters.initial(Map.of("noSuchKey", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noSuchKey");
    }

    @Test
    void aDurationBeyondWhatMillisecondsHoldIsRefusedNotOverflowed() {
        // 2,562,047,788,015,215 hours is a valid ISO-8601 duration whose milliseconds overflow a long.
        assertThatThrownBy(() -> VaultParameters.initial(Map.of("tradingCutoff", "PT2562047788015215H")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tradingCutoff is not a valid");
    }

    @Test
    void theApiTextOfRatesIsPlainAndOfDurationsCountsDays() {
        Map<String, String> text = VaultParameters.defaults().asText();
        assertThat(text.get("spotFeeRate")).isEqualTo("0.0005");
        assertThat(text.get("maxExpiry")).isEqualTo("P90D");
        assertThat(text.get("forcedSettlementGrace")).isEqualTo("P1D");
        assertThat(text.get("tradingCutoff")).isEqualTo("PT1H");
        assertThat(text.values()).noneMatch(v -> v.contains("E-") || v.matches("PT\\d{2,}H.*"));
        assertThat(Parameter.iso(java.time.Duration.ofSeconds(86_400 + 6 * 3600 + 1))).isEqualTo("P1DT6H1S");
        assertThat(Parameter.iso(java.time.Duration.ZERO)).isEqualTo("PT0S");
        // The text reads back as the same parameters.
        VaultParameters again = VaultParameters.initial(Map.of("maxExpiry", text.get("maxExpiry"), "spotFeeRate",
                text.get("spotFeeRate")));
        assertThat(again.asText()).isEqualTo(VaultParameters.initial(Map.of()).asText());
    }
}
