package io.backstop.service.api;

import io.backstop.pricing.OptionType;
import io.backstop.vault.VaultState;
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
            throw new ApiProblem(ProblemType.MISSING_BODY, "a JSON body is required");
        }
        return request;
    }

    /** An amount of any sign with at most 6 decimals, for values whose sign a domain rule judges (prices). */
    public static Amount signedAmount(BigDecimal value, String field) {
        return decimal(value, field, ProblemType.INVALID_AMOUNT, v -> Amount.parse(v));
    }

    /** A positive amount with at most 6 decimals. */
    public static Amount amount(BigDecimal value, String field) {
        Amount amount = signedAmount(value, field);
        if (!amount.isPositive()) {
            throw new ApiProblem(ProblemType.INVALID_AMOUNT, field + " must be positive, was " + amount);
        }
        return amount;
    }

    /** An amount of zero or more with at most 6 decimals: a limit where zero means "any" (minProceeds). */
    public static Amount nonNegativeAmount(BigDecimal value, String field) {
        Amount amount = signedAmount(value, field);
        if (amount.isNegative()) {
            throw new ApiProblem(ProblemType.INVALID_AMOUNT, field + " must not be negative, was " + amount);
        }
        return amount;
    }

    /** A positive quantity with at most 6 decimals. */
    public static Quantity quantity(BigDecimal value, String field) {
        Quantity quantity = decimal(value, field, ProblemType.INVALID_QUANTITY, v -> Quantity.parse(v));
        if (!quantity.isPositive()) {
            throw new ApiProblem(ProblemType.INVALID_QUANTITY, field + " must be positive, was " + quantity);
        }
        return quantity;
    }

    /** A positive number of shares with at most 9 decimals. */
    public static Shares shares(BigDecimal value, String field) {
        Shares shares = decimal(value, field, ProblemType.INVALID_AMOUNT, v -> Shares.parse(v));
        if (shares.isZero()) {
            throw new ApiProblem(ProblemType.INVALID_AMOUNT, field + " must be positive, was 0");
        }
        return shares;
    }

    /** "call" or "put". */
    public static OptionType optionType(String value, String field) {
        required(value, field);
        try {
            return OptionType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, field + ": " + e.getMessage());
        }
    }

    /** An ISO-8601 instant such as 2026-12-04T08:00:00Z. */
    public static Instant instant(String value, String field) {
        required(value, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, field + " must be an ISO-8601 instant such as "
                    + "2026-12-04T08:00:00Z, was \"" + shown(value) + "\"");
        }
    }

    /** An ISO-8601 duration such as PT1H; whether its length suits is the command's to judge. */
    public static Duration duration(String value, String field) {
        required(value, field);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, field + " must be an ISO-8601 duration such as PT1H, "
                    + "was \"" + shown(value) + "\"");
        }
    }

    /**
     * A client's text as echoed in a problem's detail: at most 64 characters, so no detail grows with the input,
     * and control characters written as {@code \\uXXXX}, so none reaches a log line or a terminal as it is.
     */
    public static String shown(String value) {
        String text = value.length() <= 64 ? value : value.substring(0, 61) + "...";
        if (!hasControlCharacter(text)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return escaped.toString();
    }

    /** A non-blank, printable text of at most {@value #MAX_TEXT} characters. */
    public static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new ApiProblem(ProblemType.MISSING_FIELD, field + " must not be blank");
        }
        if (value.length() > MAX_TEXT || hasControlCharacter(value)) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, field + " must be at most " + MAX_TEXT
                    + " printable characters");
        }
        return value;
    }

    /** An underlying's or a currency's symbol, {@link VaultState#ASSET_RULE}. */
    public static String asset(String value, String field) {
        required(value, field);
        if (!VaultState.isValidAsset(value)) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, field + " must be " + VaultState.ASSET_RULE + ", was \""
                    + shown(value) + "\"");
        }
        return value;
    }

    /** True when the text holds a control character (NUL, a line break, DEL...), which no field of the API takes. */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An optional whole number given as text, or the fallback when absent. */
    public static int wholeNumber(String text, int fallback, String field) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, field + " must be a whole number, was " + shown(text));
        }
    }

    /** A fraction given as text (a plain decimal such as "0.01"), finite. */
    public static double fraction(String text, String field) {
        try {
            double value = new BigDecimal(text.strip()).doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(ProblemType.INVALID_FIELD, field + " must be a decimal number, was " + shown(text));
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new ApiProblem(ProblemType.MISSING_FIELD, field + " is required");
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    /** Most significant digits a decimal may be written with; the ledger's widest value needs 37. */
    static final int MAX_DIGITS = 40;

    /** Longest free text (a reason, a quote id, a subject). */
    public static final int MAX_TEXT = 500;

    private static <T> T decimal(BigDecimal value, String field, ProblemType type, Parser<T> parser) {
        required(value, field);
        try {
            return parser.parse(plain(value, field, type));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(type, field + ": " + e.getMessage());
        }
    }

    /**
     * A decimal as plain text, refused before any digit is spelled out or divided when it is out of the ledger's
     * reach: judged on its precision and scale alone, {@code 0E-1000000000} or {@code 1E+2147483647} costs
     * nothing, where {@code toPlainString()} would build a billion characters.
     */
    public static String plain(BigDecimal value, String field, ProblemType type) {
        if (value.signum() == 0) {
            return "0";
        }
        if (value.precision() > MAX_DIGITS) {
            throw new ApiProblem(type, field + " has more than " + MAX_DIGITS + " digits");
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > 19) {
            throw new ApiProblem(type, field + " is too large for the ledger");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 18) {
            throw new ApiProblem(type, field + " has more decimals than the ledger keeps");
        }
        return stripped.toPlainString();
    }
}
