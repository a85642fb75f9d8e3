package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What a command appends to the books, written in one statement: the journal's postings, each entry numbered from
 * {@code journal_entry_number} in the order given, and the events into the outbox. One statement instead of one per
 * row and one for the numbers: under the vault's lock every round trip is time another command waits.
 *
 * <p>Large appends (a settlement pays every position: an entry and an event each) go in runs, the postings' ending on
 * an entry's last posting, each within PostgreSQL's limit on parameters; they run one after another in the command's
 * transaction, so entry numbers and event ids still ascend in the order given.
 */
public final class BookAppend {

    /**
     * Rows per statement: at 8 parameters a posting (5 an event) a run stays well under PostgreSQL's 65,535
     * parameters, with room for the entry that ends it.
     */
    static final int ROWS_PER_STATEMENT = 2_000;

    private final List<Posting> postings = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private int entries;

    /** A posting of the entry most recently {@linkplain #entry() opened}. */
    private record Posting(int entry, String vault, Instant at, String memo, String account, String series,
            String side, long amount) {
    }

    /** An event for the outbox. */
    private record Event(String vault, Instant at, String type, String payload, String publicPayload) {
    }

    /** Opens the next journal entry: the postings added after this share its number. */
    public BookAppend entry() {
        entries++;
        return this;
    }

    /** A posting of the current entry. */
    public BookAppend posting(String vault, Instant at, String memo, String account, String series, String side,
            long amount) {
        if (entries == 0) {
            throw new IllegalStateException("a posting needs an entry: call entry() first");
        }
        postings.add(new Posting(entries, vault, at, memo, account, series, side, amount));
        return this;
    }

    /** An event for the outbox, after those added before it. */
    public BookAppend event(String vault, Instant at, String type, String payload, String publicPayload) {
        events.add(new Event(vault, at, type, payload, publicPayload));
        return this;
    }

    /** Writes everything added, in the session's transaction. */
    public Uni<Void> write() {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (Statement statement : statements()) {
            written = written.chain(() -> Panache.getSession().chain(session -> bind(
                    session.createNativeQuery(statement.sql()), statement.parameters()).executeUpdate()))
                    .replaceWithVoid();
        }
        return written;
    }

    /** A statement to run and its parameters, {@code ?1} first. */
    record Statement(String sql, List<Object> parameters) {
    }

    /**
     * The statements that write everything added: one when the postings and the events each fit in
     * {@link #ROWS_PER_STATEMENT} rows (every command but a large settlement), else the postings in runs of whole
     * entries and then the events, each run a statement.
     */
    List<Statement> statements() {
        List<List<Posting>> postingRuns = runs(postings, true);
        List<List<Event>> eventRuns = runs(events, false);
        List<Statement> statements = new ArrayList<>();
        if (postingRuns.size() <= 1 && eventRuns.size() <= 1) {
            if (!postingRuns.isEmpty() || !eventRuns.isEmpty()) {
                statements.add(statement(postingRuns.isEmpty() ? List.of() : postingRuns.get(0),
                        eventRuns.isEmpty() ? List.of() : eventRuns.get(0)));
            }
            return statements;
        }
        postingRuns.forEach(run -> statements.add(statement(run, List.of())));
        eventRuns.forEach(run -> statements.add(statement(List.of(), run)));
        return statements;
    }

    /** Rows in runs of at most {@link #ROWS_PER_STATEMENT}; postings end a run only where an entry ends. */
    private static <T> List<List<T>> runs(List<T> rows, boolean wholeEntries) {
        List<List<T>> runs = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            current.add(rows.get(i));
            boolean canEnd = !wholeEntries || i == rows.size() - 1
                    || ((Posting) rows.get(i + 1)).entry() != ((Posting) rows.get(i)).entry();
            if (canEnd && current.size() >= ROWS_PER_STATEMENT) {
                runs.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static Mutiny.MutationQuery bind(Mutiny.MutationQuery query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    /**
     * The statement: the entry numbers drawn once in a materialised CTE (a volatile function is never re-run), the
     * postings joined to them and inserted in the order given, then the events; the last part is the main statement.
     */
    private static Statement statement(List<Posting> postings, List<Event> events) {
        List<Object> parameters = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (!postings.isEmpty()) {
            int first = postings.get(0).entry();
            int count = postings.get(postings.size() - 1).entry() - first + 1;
            parameters.add(count);
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < postings.size(); k++) {
                Posting p = postings.get(k);
                values.append(k == 0 ? "" : ", ").append("(CAST(").append(k).append(" AS int), CAST(")
                        .append(p.entry() - first + 1).append(" AS bigint)");
                for (String cast : new String[] {"text", "timestamptz", "text", "text", "text", "text", "bigint"}) {
                    parameters.add(null);
                    values.append(", CAST(?").append(parameters.size()).append(" AS ").append(cast).append(')');
                }
                int at = parameters.size() - 7;
                parameters.set(at, p.vault());
                parameters.set(at + 1, p.at());
                parameters.set(at + 2, p.memo());
                parameters.set(at + 3, p.account());
                parameters.set(at + 4, p.series());
                parameters.set(at + 5, p.side());
                parameters.set(at + 6, p.amount());
                values.append(')');
            }
            parts.add("numbers AS MATERIALIZED (SELECT row_number() OVER (ORDER BY n) AS i, n FROM "
                    + "(SELECT nextval('journal_entry_number') AS n FROM generate_series(1, ?1)) drawn)");
            parts.add("INSERT INTO journal (entry, vault, at, memo, account, series, side, amount) "
                    + "SELECT numbers.n, p.vault, p.at, p.memo, p.account, p.series, p.side, p.amount FROM (VALUES "
                    + values + ") AS p(k, i, vault, at, memo, account, series, side, amount) "
                    + "JOIN numbers ON numbers.i = p.i ORDER BY p.k");
        }
        if (!events.isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (Event e : events) {
                values.append(values.isEmpty() ? "" : ", ").append('(');
                Object[] columns = {e.vault(), e.at(), e.type(), e.payload(), e.publicPayload()};
                String[] casts = {"text", "timestamptz", "text", "text", "text"};
                for (int c = 0; c < columns.length; c++) {
                    parameters.add(columns[c]);
                    values.append(c == 0 ? "" : ", ").append("CAST(?").append(parameters.size()).append(" AS ")
                            .append(casts[c]).append(')');
                }
                values.append(", false)");
            }
            parts.add("INSERT INTO vault_event (vault, at, type, payload, public_payload, relayed) VALUES " + values);
        }
        String sql = switch (parts.size()) {
            case 1 -> parts.get(0);
            case 2 -> "WITH " + parts.get(0) + " " + parts.get(1);
            default -> "WITH " + parts.get(0) + ", postings AS (" + parts.get(1) + ") " + parts.get(2);
        };
        return new Statement(sql, parameters);
    }
}
