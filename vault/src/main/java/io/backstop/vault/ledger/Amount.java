package io.backstop.vault.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A sum of money in the quote currency as a whole number of minor units, {@value #SCALE} decimals (one unit is
 * 0.000001). Arithmetic is exact and throws {@link ArithmeticException} on overflow; conversions from doubles and
 * products name their {@link Rounding}.
 *
 * @param units the number of minor units, may be negative for differences
 */
public record Amount(long units) implements Comparable<Amount> {

    /** Decimals of the quote currency. */
    public static final int SCALE = 6;
    /** Minor units per whole unit of currency. */
    public static final long ONE = 1_000_000L;
    /** Nothing. */
    public static final Amount ZERO = new Amount(0);

    /** An amount of the given minor units. */
    public static Amount ofUnits(long units) {
        // Always a new instance, ZERO included: BENCHMARKS.md ("Engine code shaped for speed") says why.
        return new Amount(units);
    }

    /**
     * Parses decimal text exactly ("2000", "0.5", "12.345678").
     *
     * @throws IllegalArgumentException naming the text if it is not a decimal, has more than {@value #SCALE}
     *                                  decimals or does not fit
     */
    public static Amount parse(String text) {
        return ofUnits(Decimals.parse(text, SCALE, "amount"));
    }

    /** A value in currency, rounded to minor units in the given direction. */
    public static Amount of(double value, Rounding rounding) {
        return ofUnits(rounding.product(value, ONE));
    }

    /** This plus that, exactly. */
    public Amount plus(Amount that) {
        return ofUnits(Math.addExact(units, that.units));
    }

    /** This minus that, exactly. */
    public Amount minus(Amount that) {
        return ofUnits(Math.subtractExact(units, that.units));
    }

    /**
     * The amount times a rate (a fee rate, a share), rounded in the given direction. A rate that is a decimal of at
     * most nine places (0.1, 0.0005, as parameters are written) is taken as that decimal, so 10% of 5500 is exactly
     * 550; any other double is taken at its exact binary value.
     */
    public Amount times(double rate, Rounding rounding) {
        long nanos = Math.round(rate * RATE_DENOMINATOR);
        if (nanos / (double) RATE_DENOMINATOR == rate) {
            return ofUnits(mulDiv(units, nanos, RATE_DENOMINATOR, rounding));
        }
        return ofUnits(rounding.product(rate, units));
    }

    private static final long RATE_DENOMINATOR = 1_000_000_000L;

    /** The price of a quantity at this price per contract, rounded in the given direction. */
    public Amount times(Quantity quantity, Rounding rounding) {
        return ofUnits(mulDiv(units, quantity.units(), Quantity.ONE, rounding));
    }

    /**
     * A price per contract in currency times a quantity, rounded once in the given direction: price × contracts in
     * minor units is exactly price × quantity units, since both carry six decimals.
     */
    public static Amount perContract(double pricePerContract, Quantity quantity, Rounding rounding) {
        return ofUnits(rounding.product(pricePerContract, quantity.units()));
    }

    /**
     * a·b/c rounded in the given direction, exact in 128 bits.
     *
     * @throws ArithmeticException if the result does not fit in a long
     */
    public static long mulDiv(long a, long b, long c, Rounding rounding) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return rounding.divide(low, c);
        }
        if (a >= 0 && b >= 0 && c > 0 && high < c) {
            // Share arithmetic (shares × NAV / supply) lands here on every deposit and redemption: a non-negative
            // product over 63 bits whose quotient fits in 64, divided by hand rather than through BigInteger.
            long q = divideUnsigned(high, low, c);
            if (q < 0) {
                throw new ArithmeticException("out of range: " + a + " × " + b + " / " + c);
            }
            return rounding == Rounding.UP && low - q * c != 0 ? Math.addExact(q, 1) : q;
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && (rounding == Rounding.UP) == (qr[1].signum() * c > 0)) {
            q = q.add(BigInteger.valueOf(rounding == Rounding.UP ? 1 : -1));
        }
        return q.longValueExact();
    }

    private static final long HALF_WORD = 1L << 32;
    private static final long LOW_HALF = HALF_WORD - 1;

    /**
     * The unsigned quotient of the 128-bit (high, low) by d, for high &lt; d unsigned (so that it fits in 64 bits):
     * long division in 32-bit digits after normalising d (Knuth's algorithm D as Hacker's Delight, 9–3, writes it
     * for two digits). The remainder is low − quotient·d in 64-bit arithmetic.
     */
    static long divideUnsigned(long high, long low, long d) {
        int shift = Long.numberOfLeadingZeros(d);
        long v = d << shift;
        long v1 = v >>> 32;
        long v0 = v & LOW_HALF;
        long u32 = shift == 0 ? high : high << shift | low >>> (64 - shift);
        long u10 = low << shift;
        long u1 = u10 >>> 32;
        long u0 = u10 & LOW_HALF;
        long q1 = quotientDigit(u32, u1, v1, v0);
        long u21 = u32 * HALF_WORD + u1 - q1 * v;
        long q0 = quotientDigit(u21, u0, v1, v0);
        return q1 * HALF_WORD + q0;
    }

    /** One digit of the quotient: the estimate from the top digits, corrected at most twice. */
    private static long quotientDigit(long top, long next, long v1, long v0) {
        long q = Long.divideUnsigned(top, v1);
        long rest = top - q * v1;
        while (Long.compareUnsigned(q, LOW_HALF) > 0
                || Long.compareUnsigned(q * v0, rest * HALF_WORD + next) > 0) {
            q--;
            rest += v1;
            if (Long.compareUnsigned(rest, LOW_HALF) > 0) {
                break;
            }
        }
        return q;
    }

    /** The smaller of the two. */
    public static Amount min(Amount a, Amount b) {
        return a.units <= b.units ? a : b;
    }

    /** The larger of the two. */
    public static Amount max(Amount a, Amount b) {
        return a.units >= b.units ? a : b;
    }

    public boolean isPositive() {
        return units > 0;
    }

    public boolean isNegative() {
        return units < 0;
    }

    public boolean isZero() {
        return units == 0;
    }

    /** The value in currency as a double, for pricing and reporting only. */
    public double toDouble() {
        return units / (double) ONE;
    }

    /** The exact decimal value. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(units, SCALE);
    }

    @Override
    public int compareTo(Amount that) {
        return Long.compare(units, that.units);
    }

    /** Plain decimal text without trailing zeros, e.g. "2000" or "0.125". */
    @Override
    public String toString() {
        return Decimals.format(units, SCALE);
    }
}
