package io.backstop.service.app;

import io.backstop.service.store.IdempotencyRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Money-moving requests run at most once per (subject, Idempotency-Key): the key row is inserted first in the
 * command's own transaction (a {@link CommandTransaction}), so a concurrent duplicate waits on it and then fails
 * (409); a later repeat with the same request gets the stored first response, and one with another request a 422.
 * A rejected command rolls its key back with everything else, so it can be retried.
 */
@ApplicationScoped
public class Idempotency {

    /** The header clients send. */
    public static final String HEADER = "Idempotency-Key";

    private final JsonText json;
    private final ServiceClock clock;
    private final CommandTransaction transaction;

    public Idempotency(JsonText json, ServiceClock clock, CommandTransaction transaction) {
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * The answer to a money-moving request: the first run's status and result as JSON, and whether this is a replay
     * of it.
     */
    public record Answer(int status, String json, boolean replayed) {
    }

    /**
     * A money-moving request as the client sent it: who asked, under which key, and the status its first answer
     * carries (and every repeat carries again).
     *
     * @throws CommandRefused {@code missing-idempotency-key} or {@code invalid-idempotency-key}
     */
    public record Request(String subject, String key, int status) {

        /** Validates the key: present and at most 255 characters. */
        public Request {
            if (key == null || key.isBlank()) {
                throw CommandRefused.of(Refusal.MISSING_IDEMPOTENCY_KEY, "money-moving requests need an " + HEADER
                        + " header");
            }
            if (key.length() > 255) {
                throw CommandRefused.of(Refusal.INVALID_IDEMPOTENCY_KEY, HEADER + " is longer than 255 characters");
            }
        }
    }

    /**
     * Runs the command once for this subject and key, in a transaction this method opens; the first run's status and
     * answer are stored with the key and given back to every repeat.
     *
     * @param fingerprint what the command is: its name, vault and parsed arguments; a repeat of the key with another
     *                    fingerprint is refused
     * @param command     the command's database work and its answer, run inside the transaction
     */
    public Uni<Answer> once(Request request, Object fingerprint, Supplier<Uni<?>> command) {
        String subject = request.subject();
        String key = request.key();
        int status = request.status();
        String hash = sha256(json.of(fingerprint));
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(subject, key);
        return Panache.withSession(() -> IdempotencyRecord.<IdempotencyRecord>findById(id)).chain(stored -> {
            if (stored != null) {
                return Uni.createFrom().item(replay(stored, hash));
            }
            return transaction.run(() -> {
                IdempotencyRecord row = new IdempotencyRecord();
                row.subject = subject;
                row.key = key;
                row.requestHash = hash;
                row.body = "";
                row.createdAt = clock.now();
                return row.persistAndFlush().chain(command).map(result -> {
                    row.status = status;
                    row.body = json.of(result);
                    return new Answer(status, row.body, false);
                });
            }).onFailure(Idempotency::isDuplicateKey).transform(e -> CommandRefused.of(Refusal.IDEMPOTENCY_CONFLICT,
                    "a request with " + HEADER + " '" + key + "' is already in progress"));
        });
    }

    private static Answer replay(IdempotencyRecord stored, String hash) {
        if (!stored.requestHash.equals(hash)) {
            throw CommandRefused.of(Refusal.IDEMPOTENCY_KEY_REUSED, HEADER + " '" + stored.key
                    + "' was used for a different request");
        }
        return new Answer(stored.status, stored.body, true);
    }

    /** A unique violation on the key: another request with this key holds or has committed the row. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String constraint = t instanceof ConstraintViolationException c ? c.getConstraintName()
                    : t instanceof PgException pg ? pg.getConstraint() : null;
            if (constraint != null) {
                return "23505".equals(CommandTransaction.sqlState(t)) && constraint.startsWith("idempotency_key");
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
