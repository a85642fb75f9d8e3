package io.backstop.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.governance.VaultParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows and aggregates: stored parameters read back equal, parsed once per distinct text. */
class AggregatesTest {

    @Test
    void storedParametersReadBackEqualAndAreParsedOncePerText() {
        VaultParameters changed = VaultParameters.defaults().with(Map.of("optionFeeRate", "0.001"),
                VolatilitySurface.flat(0.6));
        String text = Aggregates.parametersJson(changed);

        VaultParameters read = Aggregates.parameters(text);
        assertThat(read.asText()).isEqualTo(changed.asText());
        assertThat(read.version()).isEqualTo(changed.version());
        assertThat(Aggregates.parametersJson(read)).isEqualTo(text);
        // The same text read from another row (another String) is the parsed value already kept.
        assertThat(Aggregates.parameters(new String(text))).isSameAs(read);
        // Another version is another text and another value.
        String defaults = Aggregates.parametersJson(VaultParameters.defaults());
        assertThat(Aggregates.parameters(defaults)).isNotSameAs(read);
        assertThat(Aggregates.parameters(defaults).asText()).isEqualTo(VaultParameters.defaults().asText());
    }

    @Test
    void keptTextsAreBoundedAndStillReadCorrectlyAfterTheMapStartsAgain() {
        String first = Aggregates.parametersJson(VaultParameters.defaults());
        VaultParameters kept = Aggregates.parameters(first);
        for (int i = 0; i < Aggregates.PARSED_LIMIT + 1; i++) {
            String rate = "0.0" + (10001 + 2 * i); // 0.010001 … 0.010513, odd last digits: every text different
            String other = Aggregates.parametersJson(VaultParameters.defaults().with(Map.of("optionFeeRate", rate),
                    VolatilitySurface.flat(0.8)));
            assertThat(Aggregates.parameters(other).asText()).containsEntry("optionFeeRate", rate);
        }
        VaultParameters again = Aggregates.parameters(first);
        assertThat(again).isNotSameAs(kept);
        assertThat(again.asText()).isEqualTo(kept.asText());
    }
}
