package io.backstop.vault.shares;

import java.math.BigDecimal;

/**
 * A number of LP shares with {@value #SCALE} decimals. Shares carry three more decimals than amounts (the virtual
 * offset 10^δ, δ = {@value #OFFSET_DECIMALS}), so the first deposit mints one share per unit of currency and a
 * rounding never costs a depositor more than a thousandth of a minor unit per unit of share price.
 *
 * @param units billionths of a share
 */
public record Shares(long units) implements Comparable<Shares> {

    /** Decimals of a share. */
    public static final int SCALE = 9;
    /** δ in OpenZeppelin's virtual offset (S + 10^δ)/(A + 1). */
    public static final int OFFSET_DECIMALS = 3;
    /** No shares. */
    public static final Shares ZERO = new Shares(0);

    public Shares {
        if (units < 0) {
            throw new IllegalArgumentException("shares cannot be negative: " + units);
        }
    }

    public static Shares ofUnits(long units) {
        return new Shares(units);
    }

    /**
     * Parses decimal text exactly.
     *
     * @throws IllegalArgumentException if not a non-negative decimal with at most {@value #SCALE} decimals
     */
    public static Shares parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("shares are missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shares are not a decimal number: \"" + text + "\"");
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("shares have more than " + SCALE + " decimals: " + text);
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("shares cannot be negative: " + text);
        }
        try {
            return new Shares(value.movePointRight(SCALE).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("shares are too large: " + text);
        }
    }

    public Shares plus(Shares that) {
        return new Shares(Math.addExact(units, that.units));
    }

    public Shares minus(Shares that) {
        return new Shares(Math.subtractExact(units, that.units));
    }

    public boolean isZero() {
        return units == 0;
    }

    @Override
    public int compareTo(Shares that) {
        return Long.compare(units, that.units);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(units, SCALE).stripTrailingZeros().toPlainString();
    }
}
