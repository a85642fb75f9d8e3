package io.backstop.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.service.store.JournalRecord;
import io.backstop.vault.ledger.Amount;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buffer's history from its journal lines: running balances, and each draw named by its settlement. */
class BufferHistoryTest {

    @Test
    void balancesRunAndASettlementsDrawNamesItsSeries() {
        List<VaultViews.BufferMovement> history = VaultViews.bufferHistory(List.of(
                line(1, "trade v-p1", "CREDIT", 5_000_000),
                line(2, "top-up", "CREDIT", 100_000_000),
                line(3, "settlement ETH-USD-20261209T08Z-1700-C", "DEBIT", 30_000_000)));
        assertThat(history).extracting(VaultViews.BufferMovement::balance).containsExactly(Amount.parse("5"),
                Amount.parse("105"), Amount.parse("75"));
        assertThat(history.get(2).change()).isEqualTo(Amount.parse("-30"));
        assertThat(history.get(2).settlement()).isEqualTo("ETH-USD-20261209T08Z-1700-C");
        assertThat(history.get(0).settlement()).isNull();
        assertThat(history.get(1).settlement()).isNull();
    }

    private static JournalRecord line(long id, String memo, String side, long amount) {
        JournalRecord r = new JournalRecord();
        r.id = id;
        r.at = Instant.parse("2026-12-07T08:00:00Z").plusSeconds(id);
        r.memo = memo;
        r.side = side;
        r.amount = amount;
        r.account = "BUFFER";
        return r;
    }
}
