package io.backstop.pricing;

/** Validation of the market and contract inputs shared by every formula, with messages that name the bad value. */
final class PricingInputs {

    private PricingInputs() {
    }

    static void check(OptionType type, double spot, double strike, double expiry, double rate, double dividend) {
        if (type == null) {
            throw new IllegalArgumentException("option type is missing");
        }
        positive("spot", spot);
        positive("strike", strike);
        nonNegative("expiry", expiry);
        finite("rate", rate);
        finite("dividend", dividend);
    }

    static void check(OptionType type, double spot, double strike, double expiry, double rate, double dividend,
            double vol) {
        check(type, spot, strike, expiry, rate, dividend);
        nonNegative("vol", vol);
    }

    static void positive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
    }

    static void nonNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, was " + value);
        }
    }

    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
    }

    /**
     * ln(F/K) with F = S·e^{(r−q)T}. The quotient S/K is rounded, which near the money would cost ~1/s relative in
     * the price; the residual S − (S/K)·K is exact with a fused multiply-add, so ln(S/K) = ln(q) + ln(1 + δ) with
     * δ = residual/(q·K) and |δ| ≤ ε keeps full relative accuracy at the cost of one logarithm.
     */
    static double logMoneyness(double spot, double strike, double expiry, double rate, double dividend) {
        double quotient = spot / strike;
        double residual = Math.fma(-quotient, strike, spot);
        double spotOverStrike = Math.log(quotient) + residual / spot;
        double carry = (rate - dividend) * expiry;
        return spotOverStrike + carry;
    }
}
