package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.settlement.WaterfallCapacity;
import io.backstop.vault.settlement.WaterfallCapacity.Layer;
import io.backstop.vault.settlement.WaterfallCapacity.ScenarioReach;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterfallCapacityTest {

    @Test
    void eachScenarioReachesAsFarDownTheLayersAsItsClaimsNeed() {
        VaultWorld w = new VaultWorld(VaultParameters.defaults().with(Map.of("callCollateralFactor", "0.2",
                "lpProtectedFraction", "0.1"), null));
        w.deposit("alice", Amount.parse("10000"));
        OptionSeries call = w.series(OptionType.CALL, 2000, 7);
        w.trade(call, Quantity.parse("6"), "bob").result();

        WaterfallCapacity capacity = WaterfallCapacity.of(w.vault, List.copyOf(w.books.values()));

        assertThat(capacity.locked()).singleElement().satisfies(l -> assertThat(l.locked())
                .isEqualTo(w.books.get(call.id()).locked()));
        assertThat(capacity.lpFloor()).isEqualTo(w.vault.balances().lpCapital().times(0.1,
                io.backstop.vault.ledger.Rounding.UP));
        assertThat(capacity.lpDrawable()).isEqualTo(w.vault.balances().lpFree().minus(capacity.lpFloor()));
        assertThat(capacity.scenarios()).hasSize(10);
        for (ScenarioReach s : capacity.scenarios()) {
            assertThat(s.fromLocked().plus(s.fromLp()).plus(s.fromBuffer()).plus(s.socialised()))
                    .as("spot %s", s.spotMove()).isEqualTo(s.claims());
        }
        // A crash leaves short calls worthless; a rally of 100% takes 6 × ~2,000 of claims, past the collateral
        // (6 × 400) and into LP capital; the buffer (fees only) is far smaller than what is left, so nothing reaches
        // socialisation until LP capital above the floor is gone.
        ScenarioReach crash = capacity.scenarios().get(0);
        assertThat(crash.spotMove()).isEqualTo(-1.0);
        assertThat(crash.reaches()).isEqualTo(Layer.NONE);
        ScenarioReach doubling = capacity.scenarios().get(9);
        assertThat(doubling.spotMove()).isEqualTo(1.0);
        assertThat(doubling.claims()).isGreaterThan(Amount.parse("12000"));
        assertThat(doubling.fromLocked()).isEqualTo(w.books.get(call.id()).locked());
        assertThat(doubling.fromLp()).isEqualTo(capacity.lpDrawable());
        assertThat(doubling.reaches()).isIn(Layer.BUFFER, Layer.SOCIALISED);
        ScenarioReach tenUp = capacity.scenarios().get(5);
        assertThat(tenUp.spotMove()).isEqualTo(0.1);
        assertThat(tenUp.reaches()).isIn(Layer.LOCKED, Layer.LP_CAPITAL);
    }
}
