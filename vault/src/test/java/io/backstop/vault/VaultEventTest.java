package io.backstop.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.shares.Shares;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the public may see of an event: everything but who. */
class VaultEventTest {

    private static final Instant AT = Instant.parse("2026-01-05T00:00:00Z");
    private static final Amount TEN = Amount.parse("10");

    @Test
    void withoutIdentitiesDropsSubjectsAndOperatorNamesAndKeepsTheRest() {
        List<VaultEvent> events = List.of(
                new VaultEvent.DepositMade("v", AT, "alice", TEN, Shares.parse("10")),
                new VaultEvent.WithdrawalPaid("v", AT, "alice", Shares.parse("1"), TEN, Amount.ZERO),
                new VaultEvent.WithdrawalQueued("v", AT, "alice", Shares.parse("1")),
                new VaultEvent.OptionSold("v", AT, "v-t1", "bob", "S", Quantity.parse("1"), TEN, TEN),
                new VaultEvent.PositionAssumed("v", AT, "v-t2", "bob", "S", Quantity.parse("1"), TEN),
                new VaultEvent.ParametersChanged("v", AT, "ops", "why", 2, Map.of("maxUtilization", "0.5")),
                new VaultEvent.PayoutPaid("v", AT, "v-t1", "bob", TEN),
                new VaultEvent.BufferFunded("v", AT, TEN, "top-up by ops"),
                new VaultEvent.VaultOpened("v", AT, "ETH", "USD", 1, "ops"));
        for (VaultEvent event : events) {
            VaultEvent seen = event.withoutIdentities();
            assertThat(seen.getClass()).isEqualTo(event.getClass());
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                Object value = value(seen, component);
                if (List.of("owner", "actor").contains(component.getName())) {
                    assertThat(value).as(event + " " + component.getName()).isNull();
                } else if (!component.getName().equals("source")) {
                    assertThat(value).as(event + " " + component.getName()).isEqualTo(value(event, component));
                }
            }
        }
        assertThat(((VaultEvent.BufferFunded) events.get(7).withoutIdentities()).source()).isEqualTo("top-up");
        VaultEvent fees = new VaultEvent.BufferFunded("v", AT, TEN, "fees");
        assertThat(fees.withoutIdentities()).isSameAs(fees);
        VaultEvent drawn = new VaultEvent.BufferDrawn("v", AT, "S", TEN);
        assertThat(drawn.withoutIdentities()).isSameAs(drawn);
    }

    private static Object value(VaultEvent event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
