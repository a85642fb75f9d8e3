package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What a command appends to the books, written in one statement: the journal's postings, each entry numbered from
 * {@code journal_entry_number} in the order given, and the events into the outbox. One statement instead of one per
 * row and one for the numbers: under the vault's lock every round trip is time another command waits.
 *
 * <p>The statement's text never changes: its columns travel as arrays ({@code unnest}), so a trade's six postings
 * and a settlement's 200,000 bind the same 14 parameters, and the statement is parsed and prepared once.
 */
public final class BookAppend {

    /**
     * The entry numbers are drawn in a materialised CTE (a volatile function is never re-run) and ascend with the
     * entries; postings then events are inserted in the order given, so their ids ascend the same way.
     */
    static final String SQL = "WITH numbers AS MATERIALIZED (SELECT row_number() OVER (ORDER BY n) AS i, n FROM "
            + "(SELECT nextval('journal_entry_number') AS n FROM generate_series(1, ?1)) drawn), "
            + "postings AS (INSERT INTO journal (entry, vault, at, memo, account, series, side, amount) "
            + "SELECT numbers.n, p.vault, CAST(p.at AS timestamptz), p.memo, p.account, p.series, p.side, p.amount "
            + "FROM unnest(CAST(?2 AS int[]), CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS text[]), "
            + "CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]), CAST(?9 AS bigint[])) WITH ORDINALITY "
            + "AS p(i, vault, at, memo, account, series, side, amount, k) JOIN numbers ON numbers.i = p.i "
            + "ORDER BY p.k) "
            + "INSERT INTO vault_event (vault, at, type, payload, public_payload, relayed) "
            + "SELECT e.vault, CAST(e.at AS timestamptz), e.type, e.payload, e.public_payload, false "
            + "FROM unnest(CAST(?10 AS text[]), CAST(?11 AS text[]), CAST(?12 AS text[]), CAST(?13 AS text[]), "
            + "CAST(?14 AS text[])) WITH ORDINALITY AS e(vault, at, type, payload, public_payload, k) ORDER BY e.k";

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

    /** Writes everything added, in the session's transaction; nothing at all when nothing was added. */
    public Uni<Void> write() {
        if (postings.isEmpty() && events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> parameters = parameters();
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(SQL), parameters)
                .executeUpdate()).replaceWithVoid();
    }

    /** {@link #SQL}'s parameters, {@code ?1} first: the number of entries, then one array per column. */
    List<Object> parameters() {
        int n = postings.size();
        Integer[] entry = new Integer[n];
        String[] vault = new String[n];
        String[] at = new String[n];
        String[] memo = new String[n];
        String[] account = new String[n];
        String[] series = new String[n];
        String[] side = new String[n];
        Long[] amount = new Long[n];
        for (int i = 0; i < n; i++) {
            Posting p = postings.get(i);
            entry[i] = p.entry();
            vault[i] = p.vault();
            at[i] = micros(p.at());
            memo[i] = p.memo();
            account[i] = p.account();
            series[i] = p.series();
            side[i] = p.side();
            amount[i] = p.amount();
        }
        int m = events.size();
        String[] eventVault = new String[m];
        String[] eventAt = new String[m];
        String[] type = new String[m];
        String[] payload = new String[m];
        String[] publicPayload = new String[m];
        for (int i = 0; i < m; i++) {
            Event e = events.get(i);
            eventVault[i] = e.vault();
            eventAt[i] = micros(e.at());
            type[i] = e.type();
            payload[i] = e.payload();
            publicPayload[i] = e.publicPayload();
        }
        return List.of(entries, entry, vault, at, memo, account, series, side, amount, eventVault, eventAt, type,
                payload, publicPayload);
    }

    /** ISO-8601 to the microsecond, PostgreSQL's precision: the digits beyond are dropped, as a bound instant's are. */
    private static String micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static Mutiny.MutationQuery bind(Mutiny.MutationQuery query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
