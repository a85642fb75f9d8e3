package io.backstop.pricing.cli;

import java.nio.charset.StandardCharsets;

/**
 * Reads a decimal number ({@code [+-]digits[.digits][(e|E)[+-]digits]}, blanks around it allowed) from ASCII
 * bytes, correctly rounded.
 *
 * <p>Most inputs have at most 15 significant digits and a small exponent; for those Clinger's fast path is exact,
 * because the significand and the power of ten are both exact doubles and one IEEE multiplication or division
 * rounds correctly. Everything else that has the right shape goes to {@link Double#parseDouble}. Text that does
 * not have that shape (NaN, hexadecimal, {@code 1d}, an empty field) is not a number here.
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /**
     * Parses {@code bytes[from, to)}.
     *
     * @return the value, or NaN when the text is not a decimal number
     */
    static double parse(byte[] bytes, int from, int to) {
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;
        int significant = 0;
        int exponent = 0;
        boolean exact = true;
        for (; i < to && isDigit(bytes[i]); i++, digits++) {
            if (significant < 18) {
                significand = significand * 10 + (bytes[i] - '0');
                if (significand != 0) {
                    significant++;
                }
            } else {
                exact = false;
            }
        }
        if (i < to && bytes[i] == '.') {
            i++;
            for (; i < to && isDigit(bytes[i]); i++, digits++) {
                if (significant < 18) {
                    significand = significand * 10 + (bytes[i] - '0');
                    exponent--;
                    if (significand != 0) {
                        significant++;
                    }
                } else {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            int start = i;
            int written = 0;
            for (; i < to && isDigit(bytes[i]); i++) {
                if (written < 100_000) {
                    written = written * 10 + (bytes[i] - '0');
                }
            }
            if (i == start) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != to) {
            return Double.NaN;
        }
        if (exact && significand <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0
                    ? significand * POWERS_OF_TEN[exponent]
                    : significand / POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
