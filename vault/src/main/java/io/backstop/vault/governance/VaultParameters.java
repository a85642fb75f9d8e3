package io.backstop.vault.governance;

import io.backstop.pricing.surface.VolatilitySurface;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of a vault's parameters: every {@link Parameter} within its bounds, the cross-parameter rules
 * (moneyness and coverage bands in order), and the volatility surface quotes are priced on. Immutable; a change
 * makes a new version through {@link #with(Map, VolatilitySurface)}.
 */
public final class VaultParameters {

    private static final VolatilitySurface DEFAULT_SURFACE = VolatilitySurface.flat(0.8);

    private final double[] values;
    private final VolatilitySurface surface;
    private final long version;
    private final long strikeStepUnits;

    private VaultParameters(double[] values, VolatilitySurface surface, long version) {
        this.values = values;
        this.surface = surface;
        this.version = version;
        this.strikeStepUnits = Amount.of(values[Parameter.STRIKE_STEP.ordinal()], Rounding.DOWN).units();
        if (get(Parameter.MIN_MONEYNESS) >= get(Parameter.MAX_MONEYNESS)) {
            throw new IllegalArgumentException("minMoneyness must be below maxMoneyness");
        }
        if (!(get(Parameter.HALT_BELOW_COVERAGE) <= get(Parameter.RESTRICTED_BELOW_COVERAGE)
                && get(Parameter.RESTRICTED_BELOW_COVERAGE) <= get(Parameter.ELEVATED_BELOW_COVERAGE))) {
            throw new IllegalArgumentException(
                    "coverage bands must be ordered: haltBelowCoverage ≤ restrictedBelowCoverage ≤ elevatedBelowCoverage");
        }
    }

    /** Version 1 with every default: a flat 80% surface. */
    public static VaultParameters defaults() {
        double[] values = new double[Parameter.values().length];
        for (Parameter p : Parameter.values()) {
            values[p.ordinal()] = p.defaultValue();
        }
        return new VaultParameters(values, DEFAULT_SURFACE, 1);
    }

    /**
     * The parameters of a new vault: version 1, every default changed by the given values (key → text), on the
     * default surface.
     *
     * @throws IllegalArgumentException as {@link #with(Map, VolatilitySurface)} for unknown or out-of-bounds values
     */
    public static VaultParameters initial(Map<String, String> values) {
        return restore(1, values, DEFAULT_SURFACE);
    }

    /**
     * A stored parameter version restored as it was: every key it lists (as {@link #asText()} gave them; keys
     * added since take their defaults), its surface and its version number.
     *
     * @throws IllegalArgumentException as {@link #with(Map, VolatilitySurface)} for unknown or out-of-bounds values
     */
    public static VaultParameters restore(long version, Map<String, String> values, VolatilitySurface surface) {
        if (version < 1) {
            throw new IllegalArgumentException("parameter versions start at 1, was " + version);
        }
        VaultParameters next = defaults().with(values, surface);
        return new VaultParameters(next.values, next.surface, version);
    }

    /**
     * A new version with the given changes (key → text) and, if not null, a new surface.
     *
     * @throws IllegalArgumentException naming the first unknown key, unreadable value or value out of bounds
     */
    public VaultParameters with(Map<String, String> changes, VolatilitySurface newSurface) {
        double[] next = values.clone();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            Parameter p = Parameter.byKey(change.getKey());
            next[p.ordinal()] = p.parse(change.getValue());
        }
        return new VaultParameters(next, newSurface == null ? surface : newSurface, version + 1);
    }

    /** The value of a parameter in its unit (seconds for durations, currency for amounts). */
    public double get(Parameter parameter) {
        return values[parameter.ordinal()];
    }

    /** Every parameter as API text, in declaration order. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        for (Parameter p : Parameter.values()) {
            text.put(p.key(), p.format(get(p)));
        }
        return text;
    }

    public long version() {
        return version;
    }

    public VolatilitySurface surface() {
        return surface;
    }

    public double maxUtilization() {
        return get(Parameter.MAX_UTILIZATION);
    }

    public double callCollateralFactor() {
        return get(Parameter.CALL_COLLATERAL_FACTOR);
    }

    public double putCollateralFactor() {
        return get(Parameter.PUT_COLLATERAL_FACTOR);
    }

    public Amount strikeStep() {
        return Amount.ofUnits(strikeStepUnits);
    }

    /** The strike step in minor units. */
    public long strikeStepUnits() {
        return strikeStepUnits;
    }

    public double minMoneyness() {
        return get(Parameter.MIN_MONEYNESS);
    }

    public double maxMoneyness() {
        return get(Parameter.MAX_MONEYNESS);
    }

    public double optionFeeRate() {
        return get(Parameter.OPTION_FEE_RATE);
    }

    public double spotFeeRate() {
        return get(Parameter.SPOT_FEE_RATE);
    }

    public double bufferFeeShare() {
        return get(Parameter.BUFFER_FEE_SHARE);
    }

    public double lpPremiumShareToBuffer() {
        return get(Parameter.LP_PREMIUM_SHARE_TO_BUFFER);
    }

    public double spreadBase() {
        return get(Parameter.SPREAD_BASE);
    }

    public double spreadSlope() {
        return get(Parameter.SPREAD_SLOPE);
    }

    public Duration tradingCutoff() {
        return seconds(Parameter.TRADING_CUTOFF);
    }

    public Duration maxExpiry() {
        return seconds(Parameter.MAX_EXPIRY);
    }

    public double quotePriceTolerance() {
        return get(Parameter.QUOTE_PRICE_TOLERANCE);
    }

    public Duration forcedSettlementGrace() {
        return seconds(Parameter.FORCED_SETTLEMENT_GRACE);
    }

    public Duration riskReassessInterval() {
        return seconds(Parameter.RISK_REASSESS_INTERVAL);
    }

    public double riskReassessMove() {
        return get(Parameter.RISK_REASSESS_MOVE);
    }

    public Duration quoteValidity() {
        return seconds(Parameter.QUOTE_VALIDITY);
    }

    public double exitFeeRate() {
        return get(Parameter.EXIT_FEE_RATE);
    }

    public double lpProtectedFraction() {
        return get(Parameter.LP_PROTECTED_FRACTION);
    }

    public double rate() {
        return get(Parameter.RATE);
    }

    public double dividendYield() {
        return get(Parameter.DIVIDEND_YIELD);
    }

    private Duration seconds(Parameter p) {
        return Duration.ofMillis(Math.round(get(p) * 1000));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaultParameters that && version == that.version && Arrays.equals(values, that.values)
                && surface.equals(that.surface);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "VaultParameters v" + version + " " + asText();
    }
}
