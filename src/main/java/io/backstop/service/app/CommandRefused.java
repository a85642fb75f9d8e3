package io.backstop.service.app;

import io.backstop.vault.Rejection;
import io.backstop.vault.RejectionCode;

/**
 * A command refused with nothing changed: the engine's rejection, or one of the service's {@link Refusal}s, with a
 * precise detail. The API turns it into a problem document.
 */
public final class CommandRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String slug;

    private CommandRefused(String slug, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
    }

    /** The engine's rejection. */
    public static CommandRefused of(Rejection rejection) {
        return new CommandRefused(rejection.code().slug(), rejection.detail());
    }

    /** The engine's rejection code with a detail of the service's. */
    public static CommandRefused of(RejectionCode code, String detail) {
        return new CommandRefused(code.slug(), detail);
    }

    /** One of the service's own refusals. */
    public static CommandRefused of(Refusal refusal, String detail) {
        return new CommandRefused(refusal.slug(), detail);
    }

    /** The slug of the reason: a {@link RejectionCode}'s or a {@link Refusal}'s. */
    public String slug() {
        return slug;
    }
}
