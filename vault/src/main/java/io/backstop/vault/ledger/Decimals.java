package io.backstop.vault.ledger;

import java.math.BigDecimal;

/** Exact conversion between decimal text and scaled whole numbers, shared by amounts, quantities and shares. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * The whole number of 10^−scale units in decimal text, exactly.
     *
     * @throws IllegalArgumentException naming {@code what} if the text is missing, not a decimal, has more than
     *                                  {@code scale} decimals or does not fit in a long
     */
    public static long parse(String text, int scale, String what) {
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

    /** Plain decimal text of a scaled whole number, without trailing zeros. */
    public static String format(long units, int scale) {
        return BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString();
    }

    /**
     * A double with a fixed number of decimals, half-up, like {@code %.4f}, for rejection messages. Non-finite and
     * very large values print as Java prints them.
     */
    public static String fixed(double value, int decimals) {
        double scaled = value * Math.pow(10, decimals);
        if (!Double.isFinite(scaled) || Math.abs(scaled) > 1e15) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(Math.round(scaled), decimals).toPlainString();
    }
}
