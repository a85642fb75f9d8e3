package io.backstop.service.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a command as one database transaction in a session of its own, and runs it again from the start when
 * PostgreSQL aborts it as a serialisation failure or a deadlock victim. Such an abort rolls back everything the
 * attempt wrote, so a fresh attempt is safe; it is the database's way of saying "you lost a race, try again", never
 * an answer for the client. Only when every attempt loses does the client get a 503 {@code contention} problem.
 */
@ApplicationScoped
public class CommandTransaction {

    /** SQLSTATEs after which the whole transaction may simply run again: serialization_failure, deadlock_detected. */
    static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    /** Attempts per command; a deadlock victim normally succeeds on the second. */
    static final int ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(CommandTransaction.class);

    private final Counter retries;

    public CommandTransaction(MeterRegistry registry) {
        this.retries = Counter.builder("backstop.transaction.retries")
                .description("transactions run again after a serialisation failure or deadlock")
                .register(registry);
    }

    /**
     * Runs {@code work} in a new transaction, retrying it whole on a retryable abort.
     *
     * @param work builds the command's database work; called once per attempt, so it must not reuse entities
     *             loaded by an earlier attempt
     */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        // Deferred so that every attempt opens its own session: the aborted one is closed with its failure.
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(CommandTransaction::isRetryable).invoke(this::retrying)
                .onFailure(CommandTransaction::isRetryable).retry().atMost(ATTEMPTS - 1)
                .onFailure(CommandTransaction::isRetryable).transform(e -> CommandRefused.of(Refusal.CONTENTION,
                        "the vault was too busy to take this request after " + ATTEMPTS + " attempts; "
                                + "nothing was changed, send it again"));
    }

    private void retrying(Throwable failure) {
        retries.increment();
        LOG.debugf("transaction aborted by the database (%s), running it again", failure.getMessage());
    }

    /** True when the failure is a PostgreSQL abort that a fresh attempt can win. */
    static boolean isRetryable(Throwable failure) {
        String state = sqlState(failure);
        return state != null && RETRYABLE.contains(state);
    }

    /**
     * The SQLSTATE PostgreSQL failed with, or null: the reactive client's {@link PgException} reaches us as it is
     * or converted by Hibernate into a {@link SQLException} (inside a {@code JDBCException}).
     */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
