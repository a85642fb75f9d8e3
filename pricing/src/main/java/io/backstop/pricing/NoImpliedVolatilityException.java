package io.backstop.pricing;

/**
 * A price outside the no-arbitrage bounds, for which no volatility reproduces it.
 *
 * <p>Typed so that a caller can tell a price below the option's intrinsic value from one at or above its
 * maximum, without parsing the message.
 */
public final class NoImpliedVolatilityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which bound the price broke. */
    public enum Reason {
        /** The price is below max(θ·(S·e^{−qT} − K·e^{−rT}), 0), the value at zero volatility. */
        BELOW_INTRINSIC,
        /** The price is at or above S·e^{−qT} (calls) or K·e^{−rT} (puts), the value at infinite volatility. */
        AT_OR_ABOVE_MAXIMUM
    }

    private final Reason reason;

    NoImpliedVolatilityException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Which bound the price broke.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
