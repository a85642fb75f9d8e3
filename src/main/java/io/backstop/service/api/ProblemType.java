package io.backstop.service.api;

import io.backstop.service.app.Refusal;
import io.backstop.vault.RejectionCode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every problem the API answers with, in one place: the stable slug its {@code type} URI ends with, and its HTTP
 * status. The engine's {@link RejectionCode}s and the service's {@link Refusal}s name their slugs; this catalogue
 * alone decides what each means in HTTP ({@code ProblemTypeTest} checks that none is missing).
 */
public enum ProblemType {
    // 400: the request itself is wrong
    MALFORMED_JSON("malformed-json", 400),
    INVALID_FIELD("invalid-field", 400),
    UNKNOWN_FIELD("unknown-field", 400),
    MISSING_FIELD("missing-field", 400),
    MISSING_BODY("missing-body", 400),
    INVALID_AMOUNT("invalid-amount", 400),
    INVALID_QUANTITY("invalid-quantity", 400),
    INVALID_DURATION("invalid-duration", 400),
    INVALID_CHARACTERS("invalid-characters", 400),
    INVALID_CURSOR("invalid-cursor", 400),
    INVALID_VAULT("invalid-vault", 400),
    MISSING_IDEMPOTENCY_KEY("missing-idempotency-key", 400),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400),
    BAD_REQUEST("bad-request", 400),
    // 401, 403, 404 and the HTTP layer's own
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    BODY_TOO_LARGE("body-too-large", 413),
    URI_TOO_LONG("uri-too-long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    HEADERS_TOO_LARGE("headers-too-large", 431),
    // 409: the books' state does not allow it now
    INSUFFICIENT_SHARES("insufficient-shares", 409),
    NOTHING_QUEUED("nothing-queued", 409),
    MAX_PREMIUM_EXCEEDED("max-premium-exceeded", 409),
    MIN_PROCEEDS_NOT_MET("min-proceeds-not-met", 409),
    EXCEEDS_POSITION("exceeds-position", 409),
    INSUFFICIENT_LIQUIDITY("insufficient-liquidity", 409),
    UTILIZATION_CAP("utilization-cap", 409),
    TRADING_HALTED("trading-halted", 409),
    QUOTE_EXPIRED("quote-expired", 409),
    QUOTE_TAKEN("quote-taken", 409),
    QUOTE_STALE_PRICE("quote-stale-price", 409),
    VAULT_INSOLVENT("vault-insolvent", 409),
    NOT_EXPIRED("not-expired", 409),
    ALREADY_SETTLED("already-settled", 409),
    FORCED_SETTLEMENT_TOO_EARLY("forced-settlement-too-early", 409),
    NOTHING_TO_PAY("nothing-to-pay", 409),
    NO_PRICE("no-price", 409),
    NOTHING_TO_SIMULATE("nothing-to-simulate", 409),
    VAULT_EXISTS("vault-exists", 409),
    IDEMPOTENCY_CONFLICT("idempotency-conflict", 409),
    // 422: well formed, but outside a rule
    NOT_LISTED("not-listed", 422),
    TRADING_CUTOFF("trading-cutoff", 422),
    INVALID_SETTLEMENT("invalid-settlement", 422),
    PARAMETER_OUT_OF_BOUNDS("parameter-out-of-bounds", 422),
    INVALID_PRICE("invalid-price", 422),
    STALE_PRICE("stale-price", 422),
    FUTURE_PRICE("future-price", 422),
    PRICE_JUMP("price-jump", 422),
    UNKNOWN_UNDERLYING("unknown-underlying", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    // 5xx: never the client's input
    INTERNAL_ERROR("internal-error", 500),
    CONTENTION("contention", 503, 1),
    DATABASE_UNAVAILABLE("database-unavailable", 503, 5);

    /** Problem types are this plus a slug. */
    public static final String TYPE_BASE = "https://backstop.io/problems/";

    private static final Map<String, ProblemType> BY_SLUG = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

    private final String slug;
    private final int status;
    private final int retryAfter;

    ProblemType(String slug, int status) {
        this(slug, status, 0);
    }

    /** A type whose answer says how many seconds to wait before sending the same request again. */
    ProblemType(String slug, int status, int retryAfter) {
        this.slug = slug;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The stable kebab-case slug. */
    public String slug() {
        return slug;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Seconds after which the same request may succeed ({@code Retry-After}), or 0 when waiting will not help. */
    public int retryAfter() {
        return retryAfter;
    }

    /** The problem's {@code type} URI. */
    public String uri() {
        return TYPE_BASE + slug;
    }

    /** The type with this slug. @throws IllegalArgumentException for a slug the catalogue lacks */
    public static ProblemType bySlug(String slug) {
        ProblemType type = BY_SLUG.get(slug);
        if (type == null) {
            throw new IllegalArgumentException("no problem type '" + slug + "' in the catalogue");
        }
        return type;
    }

    /** The type of an engine rejection. */
    public static ProblemType of(RejectionCode code) {
        return bySlug(code.slug());
    }

    /** The type of a service refusal. */
    public static ProblemType of(Refusal refusal) {
        return bySlug(refusal.slug());
    }
}
