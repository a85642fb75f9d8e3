package io.backstop.service.app;

/**
 * Why the service refuses a command, beyond the engine's {@code RejectionCode}s: reasons that come from the service's
 * own rules (idempotency, the clock, what exists), each with a stable slug. What a reason means in HTTP is the API's
 * business ({@code api.ProblemType}).
 */
public enum Refusal {
    NOT_FOUND("not-found"),
    INVALID_DURATION("invalid-duration"),
    VAULT_EXISTS("vault-exists"),
    MISSING_IDEMPOTENCY_KEY("missing-idempotency-key"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key"),
    IDEMPOTENCY_CONFLICT("idempotency-conflict"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    CONTENTION("contention"),
    NOTHING_TO_SIMULATE("nothing-to-simulate"),
    /** A page cursor this service did not give. */
    INVALID_CURSOR("invalid-cursor");

    private final String slug;

    Refusal(String slug) {
        this.slug = slug;
    }

    /** The stable kebab-case slug. */
    public String slug() {
        return slug;
    }
}
