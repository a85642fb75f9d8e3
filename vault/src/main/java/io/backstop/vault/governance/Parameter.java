package io.backstop.vault.governance;

import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Rounding;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Every tunable number of a vault, with its hard bounds and default: the one place where they are written down.
 * Fractions and rates are plain numbers ("0.8"); durations are ISO-8601 ("PT1H") and amounts decimal text.
 */
public enum Parameter {
    /** Highest locked / LP capital after a sale. */
    MAX_UTILIZATION("maxUtilization", Kind.NUMBER, 0.8, 0, 0.95, false),
    /** Collateral per call contract as a multiple of spot at sale. */
    CALL_COLLATERAL_FACTOR("callCollateralFactor", Kind.NUMBER, 1.0, 0.1, 10, true),
    /** Collateral per put contract as a multiple of strike. */
    PUT_COLLATERAL_FACTOR("putCollateralFactor", Kind.NUMBER, 1.0, 0.1, 1, true),
    /** Strikes are whole multiples of this amount. */
    STRIKE_STEP("strikeStep", Kind.AMOUNT, 50, 0.000001, 1e9, true),
    /** Lowest strike / spot listed. */
    MIN_MONEYNESS("minMoneyness", Kind.NUMBER, 0.5, 0.05, 1, true),
    /** Highest strike / spot listed. */
    MAX_MONEYNESS("maxMoneyness", Kind.NUMBER, 2.0, 1, 20, true),
    /** Option fee as a fraction of the theoretical value. */
    OPTION_FEE_RATE("optionFeeRate", Kind.NUMBER, 0.01, 0, 0.1, true),
    /** Spot fee as a fraction of spot × quantity. */
    SPOT_FEE_RATE("spotFeeRate", Kind.NUMBER, 0.0005, 0, 0.01, true),
    /** Share of the fees paid into the insurance buffer; the rest goes to the treasury. */
    BUFFER_FEE_SHARE("bufferFeeShare", Kind.NUMBER, 0.5, 0, 1, true),
    /** Share of LP premium income (theoretical value + spread) paid into the buffer. */
    LP_PREMIUM_SHARE_TO_BUFFER("lpPremiumShareToBuffer", Kind.NUMBER, 0, 0, 1, true),
    /** Utilisation spread at zero utilisation, as a fraction of the theoretical value. */
    SPREAD_BASE("spreadBase", Kind.NUMBER, 0.005, 0, 0.5, true),
    /** Slope of the utilisation spread: spread = theoretical × (base + slope·u²/(1 − u)). */
    SPREAD_SLOPE("spreadSlope", Kind.NUMBER, 0.05, 0, 1, true),
    /** No sales closer to expiry than this. */
    TRADING_CUTOFF("tradingCutoff", Kind.DURATION, 3600, 0, 7 * 86400, true),
    /** No expiries further out than this. */
    MAX_EXPIRY("maxExpiry", Kind.DURATION, 90 * 86400, 86400, 730 * 86400, true),
    /**
     * How long a quote binds, at most two minutes: a free quote valid for long is an option on the market given to
     * the trader, who takes only those that moved in their favour.
     */
    QUOTE_VALIDITY("quoteValidity", Kind.DURATION, 30, 1, 120, true),
    /** How far spot may move from a quote's before the quote no longer binds (a fraction of the quoted spot). */
    QUOTE_PRICE_TOLERANCE("quotePriceTolerance", Kind.NUMBER, 0.005, 0, 0.1, true),
    /**
     * How long after expiry a series without a settlement price waits before an operator may settle it with a price
     * of their own (bounded by the oracle's accepted prices around expiry, with a reason on the record).
     */
    FORCED_SETTLEMENT_GRACE("forcedSettlementGrace", Kind.DURATION, 86400, 3600, 30 * 86400, true),
    /** The book is repriced on the stress grid at most this often as oracle prices arrive (0: at every price). */
    RISK_REASSESS_INTERVAL("riskReassessInterval", Kind.DURATION, 5, 0, 3600, true),
    /** ...and at once, however recent the last repricing, when spot moved this fraction since it. */
    RISK_REASSESS_MOVE("riskReassessMove", Kind.NUMBER, 0.01, 0, 0.5, true),
    /** Fee on withdrawals, kept by the pool. */
    EXIT_FEE_RATE("exitFeeRate", Kind.NUMBER, 0, 0, 0.05, true),
    /** Fraction of LP capital the waterfall never draws (Lyra ring-fences 10%). */
    LP_PROTECTED_FRACTION("lpProtectedFraction", Kind.NUMBER, 0, 0, 0.5, true),
    /** Continuously compounded rate for pricing. */
    RATE("rate", Kind.NUMBER, 0, -0.1, 0.5, true),
    /** Continuous dividend yield (or carry) for pricing. */
    DIVIDEND_YIELD("dividendYield", Kind.NUMBER, 0, -0.1, 0.5, true),
    /** Coverage below which the ladder goes to ELEVATED. */
    ELEVATED_BELOW_COVERAGE("elevatedBelowCoverage", Kind.NUMBER, 1.0, 0, 100, true),
    /** Coverage below which the ladder goes to RESTRICTED. */
    RESTRICTED_BELOW_COVERAGE("restrictedBelowCoverage", Kind.NUMBER, 0.5, 0, 100, true),
    /** Coverage below which new sales halt. */
    HALT_BELOW_COVERAGE("haltBelowCoverage", Kind.NUMBER, 0.25, 0, 100, true),
    /** Fee multiplier from ELEVATED on. */
    STRESS_FEE_MULTIPLIER("stressFeeMultiplier", Kind.NUMBER, 1.5, 1, 5, true),
    /**
     * The coverage the buffer aims at: below it, the share of fees paid into the buffer rises continuously from
     * {@code bufferFeeShare} towards {@code stressBufferFeeShare} with the gap (see {@code RiskLevel#bufferFeeShare}).
     */
    BUFFER_TARGET_COVERAGE("bufferTargetCoverage", Kind.NUMBER, 2.0, 1, 10, true),
    /** Buffer fee share from ELEVATED on. */
    STRESS_BUFFER_FEE_SHARE("stressBufferFeeShare", Kind.NUMBER, 0.8, 0, 1, true);

    /** How a parameter's text is read. */
    public enum Kind { NUMBER, DURATION, AMOUNT }

    private final String key;
    private final Kind kind;
    private final double defaultValue;
    private final double lower;
    private final double upper;
    private final boolean lowerInclusive;

    Parameter(String key, Kind kind, double defaultValue, double lower, double upper, boolean lowerInclusive) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.lower = lower;
        this.upper = upper;
        this.lowerInclusive = lowerInclusive;
    }

    /** The name used in the API and in scenario files. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The default, in the parameter's unit (seconds for durations, currency for amounts). */
    public double defaultValue() {
        return defaultValue;
    }

    /** The bounds as text, e.g. "(0, 0.95]". */
    public String bounds() {
        // In the unit a value is typed in (P7D, not 604800); an amount's bounds keep their digits.
        return (lowerInclusive ? "[" : "(") + (kind == Kind.AMOUNT ? plain(lower) : format(lower)) + ", "
                + (kind == Kind.AMOUNT ? plain(upper) : format(upper)) + "]";
    }

    /** The parameter with this key. */
    public static Parameter byKey(String key) {
        for (Parameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown parameter \"" + key + "\"");
    }

    /**
     * Reads and bounds-checks a value given as text.
     *
     * @throws IllegalArgumentException naming the parameter, the value and the bounds
     */
    public double parse(String text) {
        double value;
        try {
            value = switch (kind) {
                case NUMBER -> Double.parseDouble(text.strip());
                case DURATION -> Duration.parse(text.strip()).toMillis() / 1000.0;
                case AMOUNT -> Amount.parse(text).toDouble();
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException | NullPointerException e) {
            throw new IllegalArgumentException(key + " is not a valid " + kind.name().toLowerCase(Locale.ROOT)
                    + ": \"" + text + "\"");
        }
        return check(value, text);
    }

    /** Bounds-checks a value in the parameter's unit. */
    public double check(double value, Object shown) {
        boolean aboveLower = lowerInclusive ? value >= lower : value > lower;
        if (!Double.isFinite(value) || !aboveLower || value > upper) {
            throw new IllegalArgumentException(key + " must be in " + bounds() + ", was " + shown);
        }
        return value;
    }

    /**
     * The value as API text: numbers as plain decimals ({@code 0.0005}, never {@code 5.0E-4}), durations as
     * ISO-8601 with whole days as days ({@code P90D}, {@code P1DT6H}, {@code PT2M}, never {@code PT2160H}), amounts
     * as decimal strings.
     */
    public String format(double value) {
        return switch (kind) {
            case NUMBER -> plain(value);
            case DURATION -> iso(Duration.ofMillis(Math.round(value * 1000)));
            case AMOUNT -> Amount.of(value, Rounding.DOWN).toString();
        };
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** ISO-8601 with a day part: {@link Duration#toString} counts days as 24 hours. */
    static String iso(Duration d) {
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        if (days == 0) {
            return rest.toString();
        }
        return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
    }
}
