package io.backstop.vault.quote;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;

/**
 * A European option series, cash-settled in the quote currency. A value: equal when underlying, quote currency,
 * type, strike and expiry are equal. Its id is built on first use and kept, since every sale and settlement names
 * it while a simulated trader's wish for a series often never needs it.
 */
public final class OptionSeries {

    /** Expiries from here up to the next constant have a four-digit year: their ids are formatted field by field. */
    private static final Instant FIRST_FOUR_DIGIT_YEAR = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant FIRST_FIVE_DIGIT_YEAR = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * The order a vault's book is kept and valued in: by expiry, then strike, then type (call first), so the call and
     * the put of one strike and expiry are neighbours and share their pricing ({@link SeriesMarks}). Consistent
     * with {@link #equals}.
     */
    public static final Comparator<OptionSeries> BOOK_ORDER = (a, b) -> {
        int c = a.expiry.compareTo(b.expiry);
        if (c == 0) {
            c = Long.compare(a.strike.units(), b.strike.units());
        }
        if (c == 0) {
            c = a.type.compareTo(b.type);
        }
        if (c == 0) {
            c = a.underlying.compareTo(b.underlying);
        }
        return c != 0 ? c : a.quoteCurrency.compareTo(b.quoteCurrency);
    };

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
            built = underlying + "-" + quoteCurrency + "-" + compactExpiry(expiry) + "-" + strike + "-"
                    + (type == OptionType.CALL ? "C" : "P");
            id = built;
        }
        return built;
    }

    /**
     * The expiry as the id writes it: ISO-8601 without separators, e.g. 20261127T080000Z, shortened to 20261127T08Z
     * on the hour. Whole seconds in years 1000–9999 are formatted from the date-time's fields, since
     * {@code Instant.toString} was a twentieth of a simulated path's time; anything else goes through it.
     */
    static String compactExpiry(Instant expiry) {
        if (expiry.getNano() != 0 || expiry.isBefore(FIRST_FOUR_DIGIT_YEAR)
                || !expiry.isBefore(FIRST_FIVE_DIGIT_YEAR)) {
            String when = expiry.toString().replace("-", "").replace(":", "");
            return when.endsWith("0000Z") && when.length() == 16 ? when.substring(0, 11) + "Z" : when;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(expiry.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder when = new StringBuilder(16).append(t.getYear());
        twoDigits(when, t.getMonthValue());
        twoDigits(when, t.getDayOfMonth());
        twoDigits(when.append('T'), t.getHour());
        if (t.getMinute() != 0 || t.getSecond() != 0) {
            twoDigits(when, t.getMinute());
            twoDigits(when, t.getSecond());
        }
        return when.append('Z').toString();
    }

    private static void twoDigits(StringBuilder to, int value) {
        to.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
