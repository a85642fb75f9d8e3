package io.backstop.pricing.surface;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Implied volatility by log-moneyness and expiry, from one SVI smile per quoted expiry.
 *
 * <p>Between quoted expiries total variance w(k, T) is interpolated linearly in T at fixed k = ln(K/F), which
 * keeps a calendar-arbitrage-free set of smiles free of calendar arbitrage. Before the first and after the last
 * expiry the implied volatility is held flat (w grows in proportion to T). A surface is only built from smiles
 * that pass {@link ArbitrageCheck}; otherwise {@link VolatilityArbitrageException} says where they fail.
 */
public final class VolatilitySurface {

    private final double[] expiries;
    private final SviSmile[] smiles;

    private VolatilitySurface(double[] expiries, SviSmile[] smiles) {
        this.expiries = expiries;
        this.smiles = smiles;
    }

    /**
     * A surface through the given smiles.
     *
     * @param smilesByExpiry one smile per expiry in years (positive, finite); at least one
     * @return the surface
     * @throws IllegalArgumentException       for no smiles or a bad expiry
     * @throws VolatilityArbitrageException   if the smiles admit calendar or butterfly arbitrage
     */
    public static VolatilitySurface of(Map<Double, SviSmile> smilesByExpiry) {
        if (smilesByExpiry.isEmpty()) {
            throw new IllegalArgumentException("a volatility surface needs at least one smile");
        }
        NavigableMap<Double, SviSmile> sorted = new TreeMap<>();
        for (Map.Entry<Double, SviSmile> e : smilesByExpiry.entrySet()) {
            double expiry = e.getKey();
            if (!(expiry > 0) || expiry == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("smile expiry must be positive and finite, was " + expiry);
            }
            sorted.put(expiry, e.getValue());
        }
        var violations = ArbitrageCheck.violations(sorted);
        if (!violations.isEmpty()) {
            throw new VolatilityArbitrageException(violations);
        }
        double[] expiries = sorted.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        SviSmile[] smiles = sorted.values().toArray(SviSmile[]::new);
        return new VolatilitySurface(expiries, smiles);
    }

    /**
     * The same implied volatility at every strike and expiry.
     *
     * @param volatility the volatility, ≥ 0 and finite
     * @return the flat surface
     */
    public static VolatilitySurface flat(double volatility) {
        if (!(volatility >= 0) || volatility == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("volatility must be non-negative and finite, was " + volatility);
        }
        return of(Map.of(1.0, SviSmile.flat(volatility, 1.0)));
    }

    /**
     * w(k, T), the total implied variance.
     *
     * @param logMoneyness k = ln(K/F)
     * @param expiry       T in years, ≥ 0
     * @return σ_imp(k, T)²·T
     */
    public double totalVariance(double logMoneyness, double expiry) {
        int flat = flatSmile(expiry);
        if (flat >= 0) {
            return smiles[flat].totalVariance(logMoneyness) * (expiry / expiries[flat]);
        }
        return interpolatedVariance(logMoneyness, expiry);
    }

    /** w(k, T) strictly between the first and the last quoted expiry: linear in T between the two around it. */
    private double interpolatedVariance(double logMoneyness, double expiry) {
        int i = Arrays.binarySearch(expiries, expiry);
        if (i >= 0) {
            return smiles[i].totalVariance(logMoneyness);
        }
        int right = -i - 1;
        int left = right - 1;
        double weight = (expiry - expiries[left]) / (expiries[right] - expiries[left]);
        return (1 - weight) * smiles[left].totalVariance(logMoneyness)
                + weight * smiles[right].totalVariance(logMoneyness);
    }

    /**
     * σ_imp(k, T); at T = 0 the limit along the first smile, and before the first or after the last quoted
     * expiry exactly that smile's volatility.
     *
     * @param logMoneyness k = ln(K/F)
     * @param expiry       T in years, ≥ 0
     * @return the implied volatility
     */
    public double impliedVolatility(double logMoneyness, double expiry) {
        if (!(expiry >= 0)) {
            throw new IllegalArgumentException("expiry must be non-negative, was " + expiry);
        }
        // Where the volatility is held flat, read it off that smile directly: exact, and without the product and
        // division that scaling its total variance by T and back would put on every price's critical path.
        int flat = flatSmile(expiry);
        if (flat >= 0) {
            return Math.sqrt(smiles[flat].totalVariance(logMoneyness) / expiries[flat]);
        }
        return Math.sqrt(interpolatedVariance(logMoneyness, expiry) / expiry);
    }

    /**
     * The smile whose volatility is held flat at an expiry: the first at or before the first quoted expiry (T = 0
     * included), the last at or after the last one; −1 in between, where total variance is interpolated.
     */
    private int flatSmile(double expiry) {
        if (expiry <= expiries[0]) {
            return 0;
        }
        int last = expiries.length - 1;
        return expiry >= expiries[last] ? last : -1;
    }

    /**
     * The volatility to price an option with, from market terms: k = ln(K/F), F = S·e^{(r−q)T}.
     *
     * @param spot     the underlying's price, &gt; 0
     * @param strike   the strike, &gt; 0
     * @param expiry   time to expiry in years, ≥ 0
     * @param rate     the continuously compounded rate
     * @param dividend the continuous dividend yield
     * @return the implied volatility
     */
    public double volatility(double spot, double strike, double expiry, double rate, double dividend) {
        if (!(spot > 0) || !(strike > 0)) {
            throw new IllegalArgumentException("spot and strike must be positive, were " + spot + " and " + strike);
        }
        return impliedVolatility(Math.log(strike / spot) - (rate - dividend) * expiry, expiry);
    }

    /**
     * The smiles by expiry.
     *
     * @return a copy, sorted by expiry
     */
    public NavigableMap<Double, SviSmile> smiles() {
        NavigableMap<Double, SviSmile> copy = new TreeMap<>();
        for (int i = 0; i < expiries.length; i++) {
            copy.put(expiries[i], smiles[i]);
        }
        return copy;
    }
}
