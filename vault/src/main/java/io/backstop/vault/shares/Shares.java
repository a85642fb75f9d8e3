package io.backstop.vault.shares;

import io.backstop.vault.ledger.Decimals;

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
        long units = Decimals.parse(text, SCALE, "shares");
        if (units < 0) {
            throw new IllegalArgumentException("shares cannot be negative: " + text);
        }
        return new Shares(units);
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
        return Decimals.format(units, SCALE);
    }
}
