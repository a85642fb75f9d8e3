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
}
