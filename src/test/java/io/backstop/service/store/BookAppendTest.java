package io.backstop.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an append binds: the number of entries and one array per column, the same 14 parameters for a trade's few
 * rows and a settlement's many. (What the statement does on a real PostgreSQL is what the service's tests check:
 * every entry balances, the journal folds to the balances, the outbox holds every event in order.)
 */
class BookAppendTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00.123456789Z");

    @Test
    void aTradeBindsItsPostingsAsColumnsNumberedByEntry() {
        BookAppend append = new BookAppend();
        append.entry().posting("v", AT, "premium", "CASH", null, "DEBIT", 10)
                .posting("v", AT, "premium", "LP_FREE", null, "CREDIT", 10);
        append.entry().posting("v", AT, "lock", "LP_FREE", null, "DEBIT", 5)
                .posting("v", AT, "lock", "LOCKED", "s", "CREDIT", 5);
        append.event("v", AT, "OptionBought", "{\"a\":1}", "{}").event("v", AT, "QuoteTaken", "{\"b\":2}", "{}");

        List<Object> p = append.parameters();
        assertThat(p).hasSize(14);
        assertThat(p.get(0)).isEqualTo(2);
        assertThat((Integer[]) p.get(1)).containsExactly(1, 1, 2, 2);
        assertThat((String[]) p.get(3)).containsOnly("2026-12-07T08:00:00.123456Z");
        assertThat((String[]) p.get(6)).containsExactly(null, null, null, "s");
        assertThat((Long[]) p.get(8)).containsExactly(10L, 10L, 5L, 5L);
        assertThat((String[]) p.get(11)).containsExactly("OptionBought", "QuoteTaken");
        assertThat((String[]) p.get(12)).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void eventsAloneDrawNoEntryNumbers() {
        List<Object> p = new BookAppend().event("v", AT, "SettlementPending", "{}", "{}").parameters();
        assertThat(p.get(0)).isEqualTo(0);
        assertThat((Integer[]) p.get(1)).isEmpty();
        assertThat((String[]) p.get(9)).containsExactly("v");
    }

    @Test
    void aPostingBeforeAnyEntryIsAProgrammingError() {
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new BookAppend().posting("v", AT, "m", "CASH", null, "DEBIT", 1));
    }
}
