package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.simulation.OpeningPosition;
import io.backstop.vault.simulation.PolicyWhatIf;
import io.backstop.vault.simulation.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyWhatIfTest {

    @Test
    void theLiveBookCapitalAndBufferRunUnderBothParameterSets() {
        VaultWorld w = new VaultWorld();
        w.deposit("lp", Amount.parse("100000"));
        w.now = w.now.plus(Duration.ofHours(10)); // 10:00, after the day's 08:00 start
        w.trade(w.series(OptionType.CALL, 2200, 7), Quantity.parse("3"), "trader");
        w.trade(w.series(OptionType.PUT, 1800, 30), Quantity.parse("2"), "trader");
        var proposed = w.vault.parameters().with(Map.of("bufferFeeShare", "0.9"), null);

        Scenario s = PolicyWhatIf.scenario(w.vault, List.copyOf(w.books.values()), 2000, proposed, 300, 30, 5, w.now);

        assertThat(s.book()).containsExactly(
                new OpeningPosition(OptionType.CALL, Amount.parse("2200"), 7, Quantity.parse("3")),
                new OpeningPosition(OptionType.PUT, Amount.parse("1800"), 30, Quantity.parse("2")));
        assertThat(s.start()).isEqualTo(VaultWorld.START.plus(Duration.ofHours(8)));
        assertThat(s.vault().lpCapital()).isEqualTo(w.vault.balances().lpCapital());
        assertThat(s.vault().buffer()).isEqualTo(w.vault.balances().buffer());
        assertThat(s.vault().parameters()).isEqualTo(w.vault.parameters());
        assertThat(s.alternative().parameters()).isEqualTo(proposed);
        assertThat(s.alternative().lpCapital()).isEqualTo(s.vault().lpCapital());
        assertThat(s.paths()).isEqualTo(300);
    }

    @Test
    void aVaultWithoutCapitalHasNothingToSimulate() {
        VaultWorld w = new VaultWorld();
        assertThatThrownBy(() -> PolicyWhatIf.scenario(w.vault, List.of(), 2000, w.vault.parameters(), 300, 30, 5,
                w.now)).isInstanceOf(IllegalArgumentException.class);
    }
}
