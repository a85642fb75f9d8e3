package io.backstop.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How an append is cut into statements: one for a command's few rows, and for a settlement's many, runs within
 * PostgreSQL's limit on parameters whose postings never split an entry. (The statements' effect on a real
 * PostgreSQL is what the service's tests check: every entry balances and the journal folds to the balances.)
 */
class BookAppendTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");
    private static final Pattern ENTRY_ORDINAL =
            Pattern.compile("\\(CAST\\(\\d+ AS int\\), CAST\\((\\d+) AS bigint\\)");

    @Test
    void aTradeIsOneStatement() {
        BookAppend append = new BookAppend();
        append.entry().posting("v", AT, "premium", "CASH", null, "DEBIT", 10)
                .posting("v", AT, "premium", "LP_FREE", null, "CREDIT", 10);
        append.entry().posting("v", AT, "lock", "LP_FREE", null, "DEBIT", 5)
                .posting("v", AT, "lock", "LOCKED", "s", "CREDIT", 5);
        append.event("v", AT, "OptionBought", "{}", "{}").event("v", AT, "QuoteTaken", "{}", "{}");

        List<BookAppend.Statement> statements = append.statements();
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).sql()).startsWith("WITH numbers AS MATERIALIZED")
                .contains("postings AS (INSERT INTO journal").contains("INSERT INTO vault_event");
        // The number of entries to draw, then 7 values a posting and 5 an event.
        assertThat(statements.get(0).parameters()).hasSize(1 + 4 * 7 + 2 * 5).startsWith(2);
    }

    @Test
    void nothingToWriteIsNoStatement() {
        assertThat(new BookAppend().statements()).isEmpty();
    }

    @Test
    void aSettlementsManyRowsGoInRunsThatKeepEachEntryWhole() {
        BookAppend append = new BookAppend();
        int entries = 3 * BookAppend.ROWS_PER_STATEMENT / 2 + 1;
        for (int e = 0; e < entries; e++) {
            // Odd-sized entries, so that a run boundary falls inside one unless the cut waits for its end.
            append.entry();
            for (int p = 0; p < (e % 2 == 0 ? 3 : 2); p++) {
                append.posting("v", AT, "payout " + e, "TRADER_PAYOUTS", null, p == 0 ? "DEBIT" : "CREDIT", 1);
            }
            append.event("v", AT, "PayoutPaid", "{\"n\":" + e + "}", "{}");
        }

        List<BookAppend.Statement> statements = append.statements();
        List<BookAppend.Statement> journal = statements.stream().filter(s -> s.sql().contains("INSERT INTO journal"))
                .toList();
        List<BookAppend.Statement> outbox = statements.stream()
                .filter(s -> s.sql().startsWith("INSERT INTO vault_event")).toList();
        assertThat(journal.size() + outbox.size()).isEqualTo(statements.size());
        // Postings first, then events, each in the order given.
        assertThat(statements.subList(0, journal.size())).isEqualTo(journal);
        int postings = 0;
        for (BookAppend.Statement s : journal) {
            assertThat(s.parameters().size()).isLessThan(65_535);
            List<Integer> ordinals = new ArrayList<>();
            Matcher m = ENTRY_ORDINAL.matcher(s.sql());
            while (m.find()) {
                ordinals.add(Integer.parseInt(m.group(1)));
            }
            int drawn = (Integer) s.parameters().get(0);
            // Each run draws numbers for exactly the entries it holds, whole: it starts at 1 and ends on drawn.
            assertThat(ordinals.get(0)).isEqualTo(1);
            assertThat(ordinals.get(ordinals.size() - 1)).isEqualTo(drawn);
            postings += ordinals.size();
        }
        assertThat(postings).isEqualTo(entries / 2 * 2 + (entries - entries / 2) * 3);
        assertThat(journal).hasSizeGreaterThan(1);
        int events = 0;
        for (BookAppend.Statement s : outbox) {
            assertThat(s.parameters().size()).isLessThan(65_535);
            events += s.parameters().size() / 5;
        }
        assertThat(events).isEqualTo(entries);
        assertThat(outbox.get(0).parameters().get(3)).isEqualTo("{\"n\":0}");
    }
}
