package io.backstop.vault.ledger;

/**
 * The direction of every rounding to minor units, named at the call so that the reader sees whom it favours. The
 * pool is always favoured: what users pay and the shares they burn round {@link #UP}; what they receive (shares
 * minted, withdrawals, payouts) rounds {@link #DOWN}.
 */
public enum Rounding {
    /** Towards positive infinity: amounts users pay, shares they burn. */
    UP,
    /** Towards negative infinity: amounts and shares users receive. */
    DOWN;

    /**
     * The exact product a·b of a double and a long (|b| &lt; 2⁵³), rounded to a whole number in this direction.
     * The double product is corrected by its exact fused multiply-add residual, so a product that lies a hair
     * above an integer still rounds up.
     *
     * @throws ArithmeticException if the result does not fit in a long or is not finite
     */
    public long product(double a, long b) {
        if (Math.abs(b) > (1L << 53)) {
            throw new ArithmeticException("factor too large for an exact product: " + b);
        }
        double p = a * b;
        if (!Double.isFinite(p) || Math.abs(p) >= 0x1p63) {
            throw new ArithmeticException("amount out of range: " + a + " × " + b);
        }
        double residual = Math.fma(a, b, -p);
        double whole = this == UP ? Math.ceil(p) : Math.floor(p);
        if (whole == p) {
            // p is already whole; the exact product lies just above or below it.
            if (this == UP && residual > 0) {
                whole += 1;
            } else if (this == DOWN && residual < 0) {
                whole -= 1;
            }
        }
        return (long) whole;
    }

    /** ⌈n/d⌉ or ⌊n/d⌋ for d &gt; 0. */
    public long divide(long numerator, long denominator) {
        return this == UP ? -Math.floorDiv(-numerator, denominator) : Math.floorDiv(numerator, denominator);
    }
}
