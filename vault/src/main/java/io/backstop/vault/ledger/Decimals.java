package io.backstop.vault.ledger;

import java.math.BigDecimal;

/** Exact conversion between decimal text and scaled whole numbers, shared by amounts, quantities and shares. */
final class Decimals {

    private Decimals() {
    }

    static long parse(String text, int scale, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a decimal number: \"" + text + "\"");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(what + " has more than " + scale + " decimals: " + text);
        }
        try {
            return value.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is too large: " + text);
        }
    }

    static String format(long units, int scale) {
        return BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString();
    }
}
