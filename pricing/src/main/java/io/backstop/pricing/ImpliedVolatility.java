package io.backstop.pricing;

/**
 * The Black-Scholes-Merton volatility that reproduces an option price, by Jäckel's "Let's Be Rational".
 *
 * <p>For every price strictly inside the no-arbitrage bounds the result is accurate to the attainable
 * precision, max(8·ulp(price)/vega, 4e-15·σ), including prices of 1e-50 and below, low-vega and one-day options,
 * in at most {@value LetsBeRational#ITERATIONS} Householder steps. In-the-money prices are mapped to the
 * out-of-the-money side by parity first.
 */
public final class ImpliedVolatility {

    private ImpliedVolatility() {
    }

    /**
     * The volatility σ with {@code BlackScholesMerton.price(type, spot, strike, expiry, rate, dividend, σ) == price}.
     *
     * @param type     call or put
     * @param spot     the underlying's price S &gt; 0
     * @param strike   the strike K &gt; 0
     * @param expiry   time to expiry T &gt; 0 in years
     * @param rate     the continuously compounded rate r
     * @param dividend the continuous dividend yield q
     * @param price    the option price; exactly the lower bound gives σ = 0
     * @return the implied volatility σ ≥ 0
     * @throws NoImpliedVolatilityException if the price is below the intrinsic value of the forward or at or
     *                                      above the value at infinite volatility
     * @throws IllegalArgumentException     naming a bad spot, strike, expiry, rate, dividend or price
     */
    public static double of(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double price) {
        PricingInputs.check(type, spot, strike, expiry, rate, dividend);
        PricingInputs.positive("expiry", expiry);
        PricingInputs.nonNegative("price", price);
        int sign = type.sign();
        double spotLeg = spot * Math.exp(-dividend * expiry);
        double strikeLeg = strike * Math.exp(-rate * expiry);
        double upper = type == OptionType.CALL ? spotLeg : strikeLeg;
        if (price >= upper) {
            throw new NoImpliedVolatilityException(NoImpliedVolatilityException.Reason.AT_OR_ABOVE_MAXIMUM,
                    "no implied volatility: price " + price + " is at or above the maximum " + upper
                            + " a " + type + " can be worth");
        }
        double moneyness = sign * PricingInputs.logMoneyness(spot, strike, expiry, rate, dividend);
        double scale = Math.sqrt(spotLeg) * Math.sqrt(strikeLeg);
        // The same intrinsic value the pricer adds, so that its own prices are never "below" it.
        double intrinsic = BlackScholesMerton.intrinsicValue(type, moneyness, spotLeg, strikeLeg, scale);
        if (price < intrinsic) {
            throw new NoImpliedVolatilityException(NoImpliedVolatilityException.Reason.BELOW_INTRINSIC,
                    "no implied volatility: price " + price + " is below the intrinsic value " + intrinsic);
        }
        double timeValue = price - intrinsic;
        double beta = timeValue / scale;
        double x = -Math.abs(moneyness);
        if (beta < NormalisedBlack.SMALLEST_DIRECT_PRICE) {
            // β, and the iterates' prices near it, would lose digits to underflow while the price itself need not:
            // solve with ln β from the price.
            double lnBeta = Math.log(timeValue) - Math.log(scale);
            return LetsBeRational.totalVolatilityOfLog(lnBeta, x) / Math.sqrt(expiry);
        }
        return LetsBeRational.totalVolatility(beta, x) / Math.sqrt(expiry);
    }
}
