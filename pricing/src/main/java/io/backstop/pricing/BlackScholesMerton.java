package io.backstop.pricing;

import static io.backstop.pricing.StandardNormal.ONE_OVER_SQRT_TWO;
import static io.backstop.pricing.StandardNormal.SQRT_PI_OVER_TWO;

/**
 * Black-Scholes-Merton prices and Greeks of European options on an underlying with continuous dividend yield
 * (or cost of carry) q and continuously compounded rate r.
 *
 * <p>Every method takes plain doubles, checks them first and throws {@link IllegalArgumentException} naming a
 * non-finite, zero or negative spot or strike, or a negative expiry or volatility. Degenerate inputs are exact:
 * at expiry 0 the value is the intrinsic value; at volatility 0 it is the discounted intrinsic value of the
 * forward. Prices are computed in normalised Black form ({@link NormalisedBlack}), are never negative nor above
 * S·e^{−qT} for calls (K·e^{−rT} for puts), and never below the intrinsic value of the forward
 * max(θ·(S·e^{−qT} − K·e^{−rT}), 0) beyond the rounding of that difference itself.
 *
 * <p>Conventions: time in years; vega per 1.00 of volatility; theta = ∂V/∂t per year of calendar time (−∂V/∂T);
 * rho per 1.00 of rate. At expiry 0 the Greeks are those of the payoff: delta is the step (½·θ exactly at the
 * strike), every other Greek is 0. At volatility 0 the Greeks are those of the discounted forward payoff.
 */
public final class BlackScholesMerton {

    /** How many values {@link #greeks(OptionType, double, double, double, double, double, double, double[])} writes. */
    public static final int GREEKS = 8;

    private BlackScholesMerton() {
    }

    /**
     * The present value.
     *
     * @param type     call or put
     * @param spot     the underlying's price S &gt; 0
     * @param strike   the strike K &gt; 0
     * @param expiry   time to expiry T ≥ 0 in years
     * @param rate     the continuously compounded rate r
     * @param dividend the continuous dividend yield q
     * @param vol      the volatility σ ≥ 0
     * @return the option's value
     */
    public static double price(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        PricingInputs.check(type, spot, strike, expiry, rate, dividend, vol);
        if (expiry == 0) {
            return Math.max(type.sign() * (spot - strike), 0);
        }
        double x = PricingInputs.logMoneyness(spot, strike, expiry, rate, dividend);
        double spotLeg = spot * Math.exp(-dividend * expiry);
        double strikeLeg = strike * Math.exp(-rate * expiry);
        return presentValue(type, x, vol * Math.sqrt(expiry), spotLeg, strikeLeg,
                Math.sqrt(spotLeg) * Math.sqrt(strikeLeg));
    }

    /**
     * The present value from forward terms the caller already holds, for pricing one contract under many scenarios
     * (a stress grid, a book marked at one spot) without recomputing a logarithm and two discount factors per
     * price. Same formulation as {@link #price(OptionType, double, double, double, double, double, double)}, and as
     * accurate as the log-moneyness given.
     *
     * @param type          call or put
     * @param logMoneyness  x = ln(F/K) = ln(spotLeg/strikeLeg), finite (see {@link #logMoneyness})
     * @param totalVol      s = σ√T ≥ 0
     * @param spotLeg       S·e^{−qT} &gt; 0
     * @param strikeLeg     K·e^{−rT} &gt; 0
     * @return the option's value
     */
    public static double priceFromLegs(OptionType type, double logMoneyness, double totalVol, double spotLeg,
            double strikeLeg) {
        if (type == null) {
            throw new IllegalArgumentException("option type is missing");
        }
        checkLegs(logMoneyness, totalVol, spotLeg, strikeLeg);
        return presentValue(type, logMoneyness, totalVol, spotLeg, strikeLeg,
                Math.sqrt(spotLeg) * Math.sqrt(strikeLeg));
    }

    /**
     * The time value a call and a put on the same forward terms share: the value of whichever of the two is out of
     * the money. Each option's price is its forward intrinsic value plus this, exactly as
     * {@link #priceFromLegs} computes it, so pricing both from one time value (see {@link #priceFromTimeValue})
     * gives the same two prices to the bit at the cost of one.
     *
     * @param logMoneyness x = ln(F/K), finite
     * @param totalVol     s = σ√T ≥ 0
     * @param spotLeg      S·e^{−qT} &gt; 0
     * @param strikeLeg    K·e^{−rT} &gt; 0
     * @return the out-of-the-money option's value
     */
    public static double timeValueFromLegs(double logMoneyness, double totalVol, double spotLeg, double strikeLeg) {
        checkLegs(logMoneyness, totalVol, spotLeg, strikeLeg);
        return timeValue(logMoneyness, totalVol, Math.sqrt(spotLeg) * Math.sqrt(strikeLeg));
    }

    /**
     * The price of a call or a put from the time value of its forward terms ({@link #timeValueFromLegs}): its
     * forward intrinsic value plus the time value, below the option's upper bound; equal to {@link #priceFromLegs}
     * on the same terms.
     *
     * @param type         call or put
     * @param logMoneyness x = ln(F/K), finite
     * @param timeValue    what {@link #timeValueFromLegs} gave for these terms
     * @param spotLeg      S·e^{−qT} &gt; 0
     * @param strikeLeg    K·e^{−rT} &gt; 0
     * @return the option's value
     */
    public static double priceFromTimeValue(OptionType type, double logMoneyness, double timeValue, double spotLeg,
            double strikeLeg) {
        if (type == null) {
            throw new IllegalArgumentException("option type is missing");
        }
        PricingInputs.nonNegative("time value", timeValue);
        PricingInputs.finite("log-moneyness", logMoneyness);
        PricingInputs.positive("spot leg", spotLeg);
        PricingInputs.positive("strike leg", strikeLeg);
        // Only an intrinsic value near the money needs the scale: out of the money and far in it (most of a stress
        // grid's prices) its two square roots are not taken.
        double scale = scalesIntrinsic(type.sign() * logMoneyness) ? Math.sqrt(spotLeg) * Math.sqrt(strikeLeg)
                : Double.NaN;
        return withIntrinsicValue(type, logMoneyness, timeValue, spotLeg, strikeLeg, scale);
    }

    private static void checkLegs(double logMoneyness, double totalVol, double spotLeg, double strikeLeg) {
        PricingInputs.finite("log-moneyness", logMoneyness);
        PricingInputs.nonNegative("total volatility", totalVol);
        PricingInputs.positive("spot leg", spotLeg);
        PricingInputs.positive("strike leg", strikeLeg);
    }

    /**
     * The log-moneyness x = ln(F/K), F = S·e^{(r−q)T}, to full relative accuracy near the money (the rounding of
     * S/K is corrected by its exact residual).
     *
     * @param spot     the underlying's price S &gt; 0
     * @param strike   the strike K &gt; 0
     * @param expiry   time to expiry T ≥ 0 in years
     * @param rate     the continuously compounded rate r
     * @param dividend the continuous dividend yield q
     * @return ln(F/K)
     */
    public static double logMoneyness(double spot, double strike, double expiry, double rate, double dividend) {
        PricingInputs.positive("spot", spot);
        PricingInputs.positive("strike", strike);
        PricingInputs.nonNegative("expiry", expiry);
        PricingInputs.finite("rate", rate);
        PricingInputs.finite("dividend", dividend);
        return PricingInputs.logMoneyness(spot, strike, expiry, rate, dividend);
    }

    /**
     * The price and every Greek in one pass, sharing the normalised quantities.
     *
     * @param type     call or put
     * @param spot     the underlying's price S &gt; 0
     * @param strike   the strike K &gt; 0
     * @param expiry   time to expiry T ≥ 0 in years
     * @param rate     the continuously compounded rate r
     * @param dividend the continuous dividend yield q
     * @param vol      the volatility σ ≥ 0
     * @return price, delta, gamma, vega, theta, rho, vanna and volga
     */
    public static OptionGreeks greeks(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        double[] v = new double[GREEKS];
        greeks(type, spot, strike, expiry, rate, dividend, vol, v);
        return new OptionGreeks(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /**
     * The price and every Greek into a caller's array, for loops that must not allocate (a record that escapes
     * costs 80 bytes per option). Same values as {@link #greeks(OptionType, double, double, double, double,
     * double, double)}, in the order of {@link OptionGreeks}' components.
     *
     * @param into receives price, delta, gamma, vega, theta, rho, vanna, volga at indices 0 to 7
     */
    public static void greeks(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol, double[] into) {
        PricingInputs.check(type, spot, strike, expiry, rate, dividend, vol);
        int sign = type.sign();
        if (expiry == 0) {
            double moneyness = sign * (spot - strike);
            double delta = moneyness > 0 ? sign : moneyness == 0 ? 0.5 * sign : 0;
            fill(into, Math.max(moneyness, 0), delta, 0, 0, 0, 0, 0, 0);
            return;
        }
        double spotDiscount = Math.exp(-dividend * expiry);
        double strikeDiscount = Math.exp(-rate * expiry);
        double spotLeg = spot * spotDiscount;
        double strikeLeg = strike * strikeDiscount;
        double x = PricingInputs.logMoneyness(spot, strike, expiry, rate, dividend);
        double sqrtT = Math.sqrt(expiry);
        double s = vol * sqrtT;
        double scale = Math.sqrt(spotLeg) * Math.sqrt(strikeLeg);
        if (s == 0 || x / s == Double.NEGATIVE_INFINITY || x / s == Double.POSITIVE_INFINITY) {
            double price = presentValue(type, x, s, spotLeg, strikeLeg, scale);
            // The forward's payoff, discounted: in the money when θ·x > 0; at x = 0 take the half step.
            double inTheMoney = sign * x > 0 ? 1 : x == 0 ? 0.5 : 0;
            double delta = sign * spotDiscount * inTheMoney;
            double theta = sign * inTheMoney * (dividend * spot * spotDiscount - rate * strike * strikeDiscount);
            double rho = sign * inTheMoney * strike * expiry * strikeDiscount;
            fill(into, price, delta, 0, 0, theta, rho, 0, 0);
            return;
        }
        // Two reciprocals serve every Greek: σ/√T = σ²/s, 1/σ = √T/s.
        double inverseS = 1 / s;
        double inverseSpot = 1 / spot;
        double h = NormalisedBlack.ratio(x, s, inverseS); // as the price alone takes it: the same price to the bit
        double d1 = h + 0.5 * s;
        double d2 = d1 - s;
        double normalisedVega = NormalisedBlack.vegaAt(h, 0.5 * s);
        double price = presentValue(type, x, h, 0.5 * s, normalisedVega, spotLeg, strikeLeg, scale);
        // S·e^{−qT}·φ(d1) = √(F·K)·e^{−rT}·∂b/∂s, which stays finite where e^{x/2} alone would overflow.
        double density = scale * normalisedVega;
        double vega = density * sqrtT;
        // S·e^{−qT}·Φ(θ·d1) from Φ(u) = ½·erfcx(−u/√2)·e^{−u²/2} and S·e^{−qT}·e^{−d1²/2} = √(2π)·density: one
        // erfcx and no further exponential; the tail that would cancel is taken from the other side.
        double u = sign * d1;
        double spotTerm = u <= 0 ? SQRT_PI_OVER_TWO * density * StandardNormal.erfcx(-ONE_OVER_SQRT_TWO * u)
                : spotLeg - SQRT_PI_OVER_TWO * density * StandardNormal.erfcx(ONE_OVER_SQRT_TWO * u);
        // K·e^{−rT}·Φ(θ·d2) from V = θ·(S·e^{−qT}·Φ(θ·d1) − K·e^{−rT}·Φ(θ·d2)): a sum for puts; for calls the
        // two terms nearly cancel in V exactly where it is small, so subtracting it loses nothing material.
        double strikeTerm = Math.max(spotTerm - sign * price, 0);
        fill(into, price,
                sign * spotTerm * inverseSpot,
                density * inverseSpot * inverseSpot * inverseS,
                vega,
                -0.5 * density * vol * vol * inverseS - sign * rate * strikeTerm + sign * dividend * spotTerm,
                sign * expiry * strikeTerm,
                -density * inverseSpot * d2 * sqrtT * inverseS,
                vega * d1 * d2 * sqrtT * inverseS);
    }

    private static void fill(double[] into, double price, double delta, double gamma, double vega, double theta,
            double rho, double vanna, double volga) {
        into[0] = price;
        into[1] = delta;
        into[2] = gamma;
        into[3] = vega;
        into[4] = theta;
        into[5] = rho;
        into[6] = vanna;
        into[7] = volga;
    }

    /** ∂V/∂S. @see #greeks */
    public static double delta(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).delta();
    }

    /** ∂²V/∂S². @see #greeks */
    public static double gamma(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).gamma();
    }

    /** ∂V/∂σ per 1.00 of volatility. @see #greeks */
    public static double vega(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).vega();
    }

    /** ∂V/∂t per year of calendar time, i.e. −∂V/∂T. @see #greeks */
    public static double theta(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).theta();
    }

    /** ∂V/∂r per 1.00 of rate. @see #greeks */
    public static double rho(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).rho();
    }

    /** ∂²V/∂S∂σ. @see #greeks */
    public static double vanna(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).vanna();
    }

    /** ∂²V/∂σ². @see #greeks */
    public static double volga(OptionType type, double spot, double strike, double expiry, double rate,
            double dividend, double vol) {
        return greeks(type, spot, strike, expiry, rate, dividend, vol).volga();
    }

    /**
     * The present value from log-moneyness, total volatility and the two discounted legs S·e^{−qT} and K·e^{−rT}:
     * e^{−rT}·√(F·K)·b(θ·x, s), the in-the-money side as intrinsic value plus the out-of-the-money time value.
     * Only the upper bound, a single leg, is pinned against rounding in the last place.
     *
     * @param scale √(S·e^{−qT}·K·e^{−rT})
     */
    static double presentValue(OptionType type, double x, double s, double spotLeg, double strikeLeg,
            double scale) {
        return withIntrinsicValue(type, x, timeValue(x, s, scale), spotLeg, strikeLeg, scale);
    }

    /**
     * {@link #presentValue(OptionType, double, double, double, double, double)} for s &gt; 0 and finite h = x/s,
     * given the normalised vega at (h, t = s/2), which the Greeks need anyway.
     */
    private static double presentValue(OptionType type, double x, double h, double t, double normalisedVega,
            double spotLeg, double strikeLeg, double scale) {
        double otm = -Math.abs(x);
        double b = NormalisedBlack.outOfTheMoney(otm, -Math.abs(h), t, normalisedVega);
        return withIntrinsicValue(type, x, timeValue(scale, b, otm, 2 * t), spotLeg, strikeLeg, scale);
    }

    /** The time value of the forward terms: scale·b(−|x|, s), the out-of-the-money side's value. */
    private static double timeValue(double x, double s, double scale) {
        double otm = -Math.abs(x);
        return timeValue(scale, NormalisedBlack.call(otm, s), otm, s);
    }

    /**
     * An option's value from its forward terms' time value: its intrinsic value plus the time value, kept below
     * its upper bound. Every price goes through here, so a call and a put priced from one time value are the
     * prices either would get alone.
     */
    private static double withIntrinsicValue(OptionType type, double x, double timeValue, double spotLeg,
            double strikeLeg, double scale) {
        return belowUpperBound(type, intrinsicValue(type, type.sign() * x, spotLeg, strikeLeg, scale) + timeValue,
                spotLeg, strikeLeg);
    }

    /**
     * scale·b, the time value, for the out-of-the-money b(x, s). Where b comes near the subnormal range it has
     * lost digits that the product (a price of 2000 scale is still a normal number at b = 1e-310) must not lose,
     * so there the product is taken in logarithms; (h, t) are derived only then, off the common path.
     */
    private static double timeValue(double scale, double b, double x, double s) {
        if (b >= NormalisedBlack.SMALLEST_DIRECT_PRICE || b == 0 && !(s > 0)) {
            return scale * b;
        }
        return Math.exp(Math.log(scale) + NormalisedBlack.logOutOfTheMoney(x, NormalisedBlack.ratio(x, s, 1 / s),
                0.5 * s));
    }

    private static double belowUpperBound(OptionType type, double value, double spotLeg, double strikeLeg) {
        return Math.min(value, type == OptionType.CALL ? spotLeg : strikeLeg);
    }

    /**
     * The intrinsic value of the forward, max(θ·(S·e^{−qT} − K·e^{−rT}), 0), as accurately as the legs allow.
     * Within a factor 2 of the money the legs' difference cancels and would magnify their rounding, so the
     * normalised 2·sinh(θx/2) from the accurately computed log-moneyness is used; further out the plain difference
     * is exact to half an ulp while 2·sinh would magnify the rounding of x.
     *
     * @param moneyness θ·x, the log-moneyness signed so that positive means in the money
     * @param scale     √(S·e^{−qT}·K·e^{−rT})
     */
    static double intrinsicValue(OptionType type, double moneyness, double spotLeg, double strikeLeg, double scale) {
        if (moneyness <= 0) {
            return 0;
        }
        return scalesIntrinsic(moneyness) ? scale * NormalisedBlack.intrinsic(moneyness)
                : type.sign() * (spotLeg - strikeLeg);
    }

    /** Whether {@link #intrinsicValue} at this signed moneyness is the scale times 2·sinh, the only use of it. */
    private static boolean scalesIntrinsic(double moneyness) {
        return moneyness > 0 && moneyness <= LN_2;
    }

    private static final double LN_2 = Math.log(2);
}
