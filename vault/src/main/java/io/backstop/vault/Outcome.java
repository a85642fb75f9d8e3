package io.backstop.vault;

import io.backstop.vault.ledger.JournalEntry;
import java.util.List;
import java.util.function.Function;

/**
 * What a command produced: either the new state with its events and journal entries, or a typed rejection with
 * nothing changed.
 *
 * @param <T> the command's result (new aggregates and figures)
 */
public sealed interface Outcome<T> {

    /** The command was carried out. */
    record Accepted<T>(T result, List<VaultEvent> events, List<JournalEntry> journal) implements Outcome<T> {
        public Accepted {
            events = List.copyOf(events);
            journal = List.copyOf(journal);
        }
    }

    /** The command was refused; nothing changed. */
    record Rejected<T>(Rejection rejection) implements Outcome<T> {
    }

    static <T> Outcome<T> rejected(RejectionCode code, String detail) {
        return new Rejected<>(new Rejection(code, detail));
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /** Whether the command was accepted. */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The result of an accepted command. @throws IllegalStateException naming the rejection otherwise */
    default T result() {
        if (this instanceof Accepted<T> a) {
            return a.result();
        }
        throw new IllegalStateException("command was rejected: " + ((Rejected<T>) this).rejection());
    }

    /** The rejection of a refused command. @throws IllegalStateException if it was accepted */
    default Rejection rejection() {
        if (this instanceof Rejected<T> r) {
            return r.rejection();
        }
        throw new IllegalStateException("command was accepted");
    }

    /** The events of an accepted command, empty for a rejection. */
    default List<VaultEvent> events() {
        return this instanceof Accepted<T> a ? a.events() : List.of();
    }

    /** The journal of an accepted command, empty for a rejection. */
    default List<JournalEntry> journal() {
        return this instanceof Accepted<T> a ? a.journal() : List.of();
    }

    /** The same outcome with its result mapped, events and journal kept; a rejection stays as it is. */
    default <R> Outcome<R> map(Function<T, R> f) {
        if (this instanceof Accepted<T> a) {
            return new Accepted<>(f.apply(a.result()), a.events(), a.journal());
        }
        return new Rejected<>(rejection());
    }
}
