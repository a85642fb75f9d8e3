package io.backstop.vault.simulation.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.simulation.InvalidScenarioException;

/**
 * Typed reads of one JSON object's fields, each failure an {@link InvalidScenarioException} naming the field by its
 * full path. Amounts and quantities are read from decimal text or from JSON numbers written as decimals, exactly.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The fields of an object at a path ("" for the root). */
    static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidScenarioException(path.isEmpty() ? "(root)" : path, "must be an object");
        }
        return new JsonFields(node, path);
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    java.util.Iterator<String> fieldNames() {
        return node.fieldNames();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    /** A nested object, or null when absent. */
    JsonFields object(String field) {
        return has(field) ? of(node.get(field), path(field)) : null;
    }

    /** A nested object; an empty one when absent. */
    JsonFields objectOrEmpty(String field) {
        return has(field) ? of(node.get(field), path(field)) : new JsonFields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), path(field));
    }

    /** A required number. */
    double number(String field) {
        requirePresent(field);
        return number(field, 0);
    }

    /** A number, or the default when absent; finite. */
    double number(String field, double defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode v = node.get(field);
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                throw invalid(field, "must be a number, was " + v);
            }
        } else {
            throw invalid(field, "must be a number, was " + v);
        }
        if (!Double.isFinite(d)) {
            throw invalid(field, "must be finite, was " + v);
        }
        return d;
    }

    /** A number in [lower, upper], or the default when absent. */
    double number(String field, double defaultValue, double lower, double upper) {
        double d = number(field, defaultValue);
        if (d < lower || d > upper) {
            throw invalid(field, "must be in [" + lower + ", " + upper + "], was " + d);
        }
        return d;
    }

    /** A required number greater than a bound. */
    double numberAbove(String field, double bound) {
        double d = number(field);
        if (!(d > bound)) {
            throw invalid(field, "must be greater than " + bound + ", was " + d);
        }
        return d;
    }

    /** A whole number in [lower, upper], or the default when absent. */
    long integer(String field, long defaultValue, long lower, long upper) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode v = node.get(field);
        if (!v.canConvertToExactIntegral() && !(v.isTextual() && v.asText().strip().matches("-?\\d{1,18}"))) {
            throw invalid(field, "must be a whole number, was " + v);
        }
        long n = v.isTextual() ? Long.parseLong(v.asText().strip()) : v.asLong();
        if (v.isNumber() && !v.canConvertToLong()) {
            throw invalid(field, "is out of range, was " + v);
        }
        if (n < lower || n > upper) {
            throw invalid(field, "must be in [" + lower + ", " + upper + "], was " + n);
        }
        return n;
    }

    /** A required whole number in [lower, upper]. */
    long integer(String field, long lower, long upper) {
        requirePresent(field);
        return integer(field, 0, lower, upper);
    }

    /** Text, or the default when absent. */
    String text(String field, String defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw invalid(field, "must be text, was " + v);
        }
        return v.asText();
    }

    /** A boolean, or the default when absent. */
    boolean bool(String field, boolean defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw invalid(field, "must be true or false, was " + v);
        }
        return v.booleanValue();
    }

    /** An amount given as decimal text or a number, at most six decimals. */
    Amount amount(String field, Amount defaultValue) {
        return decimal(field, defaultValue, Amount::parse, "an amount");
    }

    /** A quantity given as decimal text or a number, at most six decimals. */
    Quantity quantity(String field, Quantity defaultValue) {
        return decimal(field, defaultValue, Quantity::parse, "a quantity");
    }

    private <T> T decimal(String field, T defaultValue, java.util.function.Function<String, T> parse, String what) {
        if (!has(field)) {
            if (defaultValue == null) {
                throw invalid(field, "is required");
            }
            return defaultValue;
        }
        try {
            return parse.apply(decimalText(field));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(field, "must be " + what + " with at most 6 decimals, was " + node.get(field));
        }
    }

    private String decimalText(String field) {
        JsonNode v = node.get(field);
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        throw invalid(field, "must be decimal text such as \"2000\", was " + v);
    }

    private void requirePresent(String field) {
        if (!has(field)) {
            throw invalid(field, "is required");
        }
    }

    InvalidScenarioException invalid(String field, String problem) {
        return new InvalidScenarioException(path(field), problem);
    }
}
