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
     * ln(F/K) with F = S·e^{(r−q)T}. Near the money ln(S/K) comes from log1p of the exact difference S − K, so the
     * log-moneyness keeps its relative accuracy where a rounded S/K would cost ~1/s relative in the price.
     */
    static double logMoneyness(double spot, double strike, double expiry, double rate, double dividend) {
        double spotOverStrike = (spot >= 0.5 * strike && spot <= 2 * strike)
                ? Math.log1p((spot - strike) / strike)
                : Math.log(spot / strike);
        double carry = (rate - dividend) * expiry;
        return spotOverStrike + carry;
    }
}
