package io.backstop.service.api;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.shares.Shares;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Request values read exactly: decimals arrive as JSON strings or numbers (both parsed as {@link BigDecimal}, never
 * through a double) and must be positive, within the ledger's precision and range; anything else is a 400 that
 * names the field.
 */
public final class Inputs {

    private Inputs() {
    }

    /** The request body, which must be there. */
    public static <T> T body(T request) {
        if (request == null) {
            throw ApiProblem.badRequest("missing-body", "a JSON body is required");
        }
        return request;
    }

    /** An amount of any sign with at most 6 decimals, for values whose sign a domain rule judges (prices). */
    public static Amount signedAmount(BigDecimal value, String field) {
        return decimal(value, field, "invalid-amount", v -> Amount.parse(v));
    }

    /** A positive amount with at most 6 decimals. */
    public static Amount amount(BigDecimal value, String field) {
        Amount amount = signedAmount(value, field);
        if (!amount.isPositive()) {
            throw ApiProblem.badRequest("invalid-amount", field + " must be positive, was " + amount);
        }
        return amount;
    }

    /** A positive quantity with at most 6 decimals. */
    public static Quantity quantity(BigDecimal value, String field) {
        Quantity quantity = decimal(value, field, "invalid-quantity", v -> Quantity.parse(v));
        if (!quantity.isPositive()) {
            throw ApiProblem.badRequest("invalid-quantity", field + " must be positive, was " + quantity);
        }
        return quantity;
    }

    /** A positive number of shares with at most 9 decimals. */
    public static Shares shares(BigDecimal value, String field) {
        Shares shares = decimal(value, field, "invalid-amount", v -> Shares.parse(v));
        if (shares.isZero()) {
            throw ApiProblem.badRequest("invalid-amount", field + " must be positive, was 0");
        }
        return shares;
    }

    /** "call" or "put". */
    public static OptionType optionType(String value, String field) {
        required(value, field);
        try {
            return OptionType.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-field", field + ": " + e.getMessage());
        }
    }

    /** An ISO-8601 instant such as 2026-12-04T08:00:00Z. */
    public static Instant instant(String value, String field) {
        required(value, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-field", field + " must be an ISO-8601 instant such as "
                    + "2026-12-04T08:00:00Z, was \"" + value + "\"");
        }
    }

    /** An ISO-8601 duration such as PT1H. */
    public static Duration duration(String value, String field) {
        required(value, field);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-field", field + " must be an ISO-8601 duration such as PT1H, was \""
                    + value + "\"");
        }
    }

    /** A non-blank text. */
    public static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw ApiProblem.badRequest("missing-field", field + " must not be blank");
        }
        return value;
    }

    /** An optional whole number given as text, or the fallback when absent. */
    public static int wholeNumber(String text, int fallback, String field) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-field", field + " must be a whole number, was " + text);
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw ApiProblem.badRequest("missing-field", field + " is required");
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T decimal(BigDecimal value, String field, String slug, Parser<T> parser) {
        required(value, field);
        // Refuse absurd exponents before toPlainString() would spell them out.
        if (value.precision() - value.scale() > 19) {
            throw ApiProblem.badRequest(slug, field + " is too large for the ledger");
        }
        if (value.stripTrailingZeros().scale() > 18) {
            throw ApiProblem.badRequest(slug, field + " has more decimals than the ledger keeps");
        }
        try {
            return parser.parse(value.toPlainString());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(slug, field + ": " + e.getMessage());
        }
    }
}
