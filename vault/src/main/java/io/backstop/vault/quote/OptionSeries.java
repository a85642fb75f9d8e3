package io.backstop.vault.quote;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import java.time.Instant;

/**
 * A European option series, cash-settled in the quote currency. A value: equal when underlying, quote currency,
 * type, strike and expiry are equal. Its id is built on first use and kept, since every sale and settlement names
 * it while a simulated trader's wish for a series often never needs it.
 */
public final class OptionSeries {

    private final String underlying;
    private final String quoteCurrency;
    private final OptionType type;
    private final Amount strike;
    private final Instant expiry;
    private String id;

    /**
     * @param underlying    e.g. "ETH"
     * @param quoteCurrency e.g. "USD"
     * @param type          call or put
     * @param strike        positive
     * @param expiry        the expiry instant
     */
    public OptionSeries(String underlying, String quoteCurrency, OptionType type, Amount strike, Instant expiry) {
        if (underlying == null || quoteCurrency == null || type == null || strike == null || expiry == null) {
            throw new IllegalArgumentException("a series needs underlying, quote currency, type, strike and expiry");
        }
        if (!strike.isPositive()) {
            throw new IllegalArgumentException("strike must be positive, was " + strike);
        }
        this.underlying = underlying;
        this.quoteCurrency = quoteCurrency;
        this.type = type;
        this.strike = strike;
        this.expiry = expiry;
    }

    public String underlying() {
        return underlying;
    }

    public String quoteCurrency() {
        return quoteCurrency;
    }

    public OptionType type() {
        return type;
    }

    public Amount strike() {
        return strike;
    }

    public Instant expiry() {
        return expiry;
    }

    /** A stable id, e.g. "ETH-USD-20261127T08Z-2000-C". */
    public String id() {
        String built = id;
        if (built == null) {
            // A benign race: every thread builds the same string.
            String when = expiry.toString().replace("-", "").replace(":", "");
            if (when.endsWith("0000Z") && when.length() == 16) {
                when = when.substring(0, 11) + "Z"; // 20261127T080000Z → 20261127T08Z
            }
            built = underlying + "-" + quoteCurrency + "-" + when + "-" + strike + "-"
                    + (type == OptionType.CALL ? "C" : "P");
            id = built;
        }
        return built;
    }

    /** The claim per contract at a settlement price: max(S − K, 0) or max(K − S, 0), exact. */
    public Amount claimPerContract(Amount settlementPrice) {
        Amount intrinsic = type == OptionType.CALL ? settlementPrice.minus(strike) : strike.minus(settlementPrice);
        return Amount.max(intrinsic, Amount.ZERO);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionSeries that && type == that.type && strike.equals(that.strike)
                && expiry.equals(that.expiry) && underlying.equals(that.underlying)
                && quoteCurrency.equals(that.quoteCurrency);
    }

    @Override
    public int hashCode() {
        // By hand rather than Objects.hash: a simulated trader's wish for a series is hashed on every arrival.
        int h = underlying.hashCode();
        h = 31 * h + quoteCurrency.hashCode();
        h = 31 * h + type.hashCode();
        h = 31 * h + strike.hashCode();
        return 31 * h + expiry.hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
