package io.backstop.vault.quote;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import java.time.Instant;

/**
 * A European option series, cash-settled in the quote currency.
 *
 * @param underlying    e.g. "ETH"
 * @param quoteCurrency e.g. "USD"
 * @param type          call or put
 * @param strike        positive
 * @param expiry        the expiry instant
 */
public record OptionSeries(String underlying, String quoteCurrency, OptionType type, Amount strike, Instant expiry) {

    public OptionSeries {
        if (underlying == null || quoteCurrency == null || type == null || strike == null || expiry == null) {
            throw new IllegalArgumentException("a series needs underlying, quote currency, type, strike and expiry");
        }
        if (!strike.isPositive()) {
            throw new IllegalArgumentException("strike must be positive, was " + strike);
        }
    }

    /** A stable id, e.g. "ETH-USD-20261127T0800Z-2000-C". */
    public String id() {
        String when = expiry.toString().replace("-", "").replace(":", "").replace(".000", "");
        when = when.endsWith("00Z") && when.length() == 17 ? when.substring(0, 13) + "Z" : when;
        return underlying + "-" + quoteCurrency + "-" + when + "-" + strike + "-" + (type == OptionType.CALL ? "C" : "P");
    }

    /** The claim per contract at a settlement price: max(S − K, 0) or max(K − S, 0), exact. */
    public Amount claimPerContract(Amount settlementPrice) {
        Amount intrinsic = type == OptionType.CALL ? settlementPrice.minus(strike) : strike.minus(settlementPrice);
        return Amount.max(intrinsic, Amount.ZERO);
    }
}
