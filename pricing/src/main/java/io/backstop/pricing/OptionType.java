package io.backstop.pricing;

import java.util.Locale;

/** Whether a European option pays {@code max(S − K, 0)} (call) or {@code max(K − S, 0)} (put) at expiry. */
public enum OptionType {
    /** The right to buy at the strike. */
    CALL(1),
    /** The right to sell at the strike. */
    PUT(-1);

    private final int sign;

    OptionType(int sign) {
        this.sign = sign;
    }

    /**
     * The sign θ of the payoff {@code max(θ·(S − K), 0)}: +1 for a call, −1 for a put.
     *
     * @return +1 or −1
     */
    public int sign() {
        return sign;
    }

    /**
     * Parses {@code call} or {@code put}, ignoring case and surrounding blanks.
     *
     * @param text the text to parse
     * @return the option type
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static OptionType parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "call":
                return CALL;
            case "put":
                return PUT;
            default:
                throw new IllegalArgumentException("option type must be 'call' or 'put', was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
