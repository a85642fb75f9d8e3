package io.backstop.vault.oracle;

import io.backstop.vault.Outcome;
import io.backstop.vault.Rejection;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Decimals;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The oracle rules: a reported price is accepted only if it is positive, not from the future, not stale, later
 * than the last accepted price and within the jump limit of it; trading uses the last accepted price while it is
 * fresh; an expiry settles at the time-weighted average of the accepted prices in the window before it.
 */
public final class OraclePrices {

    private OraclePrices() {
    }

    /**
     * Why a reported price is refused, or empty if it is accepted. Beyond sign, freshness and order, a price must
     * be within {@code maxPriceJump} of every price accepted in the jump window before it (the limit holds over time,
     * not per report: ten reports of +50% a moment apart are refused from the second on), and the first price of an
     * underlying within {@code maxPriceJump} of the reference price the operator stated when opening its vault.
     *
     * @param recent    the underlying's recent accepted prices ({@link RecentPrices#NONE} before the first)
     * @param reference the operator's reference price for the underlying, for its first report; may be null once
     *                  a price was accepted
     * @param candidate the reported price
     */
    public static Optional<Rejection> check(RecentPrices recent, Amount reference, PriceObservation candidate,
            Instant now, OracleLimits limits) {
        Amount price = candidate.price();
        if (!price.isPositive()) {
            return reject(RejectionCode.INVALID_PRICE, "price must be positive, was " + price);
        }
        if (candidate.at().isAfter(now)) {
            return reject(RejectionCode.FUTURE_PRICE, "timestamp " + candidate.at() + " is after now (" + now + ")");
        }
        if (candidate.at().isBefore(now.minus(limits.maxPriceAge()))) {
            return reject(RejectionCode.STALE_PRICE, "timestamp " + candidate.at() + " is older than maxPriceAge "
                    + limits.maxPriceAge() + " at " + now);
        }
        PriceObservation last = recent.last();
        if (last == null && reference == null) {
            return reject(RejectionCode.UNKNOWN_UNDERLYING, "no vault trades this underlying, so nothing bounds "
                    + "its first price; open a vault with a reference price first");
        }
        if (last == null) {
            double move = Math.abs(price.toDouble() / reference.toDouble() - 1);
            return move > limits.maxPriceJump() ? reject(RejectionCode.PRICE_JUMP, "the first price " + price + " is "
                    + percent(move) + " away from the reference price " + reference + " stated when the vault was "
                    + "opened; maxPriceJump is " + percent(limits.maxPriceJump())) : Optional.empty();
        }
        if (!candidate.at().isAfter(last.at())) {
            return reject(RejectionCode.STALE_PRICE, "timestamp " + candidate.at()
                    + " is not after the last accepted price's (" + last.at() + ")");
        }
        double fromLowest = price.toDouble() / recent.lowest().toDouble() - 1;
        double fromHighest = 1 - price.toDouble() / recent.highest().toDouble();
        double move = Math.max(fromLowest, fromHighest);
        if (move > limits.maxPriceJump()) {
            Amount from = fromLowest >= fromHighest ? recent.lowest() : recent.highest();
            String which = from.equals(last.price()) ? "the last accepted " : "the price accepted within "
                    + limits.jumpWindow() + " before it, ";
            return reject(RejectionCode.PRICE_JUMP, "price " + price + " is " + percent(move) + " away from "
                    + which + from + "; maxPriceJump is " + percent(limits.maxPriceJump()) + " within any "
                    + limits.jumpWindow());
        }
        return Optional.empty();
    }

    /**
     * The spot to trade and value on: the last accepted price, while it is no older than maxPriceAge.
     *
     * @param last the last accepted price, or null
     */
    public static Outcome<Amount> spot(PriceObservation last, Instant now, OracleLimits limits) {
        if (last == null) {
            return Outcome.rejected(RejectionCode.NO_PRICE, "no oracle price has been accepted yet");
        }
        if (last.at().isBefore(now.minus(limits.maxPriceAge()))) {
            return Outcome.rejected(RejectionCode.NO_PRICE, "the last oracle price (" + last.at()
                    + ") is older than maxPriceAge " + limits.maxPriceAge());
        }
        return new Outcome.Accepted<>(last.price(), List.of(), List.of());
    }

    /**
     * The settlement price of an expiry: the time-weighted average of the accepted prices over
     * [expiry − window, expiry], each price holding until the next one (the last price before the window holds
     * from the window's start), truncated to minor units. Rejected with {@code no-price} while there are fewer
     * than {@code minimumPrices} prices in the window, a gap longer than maxPriceAge, or a last price older than
     * maxPriceAge at expiry: the series then waits and can be retried.
     *
     * @param prices accepted prices, oldest first, at least those from the last one before the window to expiry
     */
    public static Outcome<Amount> settlementPrice(List<PriceObservation> prices, Instant expiry,
            OracleLimits limits) {
        Instant start = expiry.minus(limits.window());
        PriceObservation current = null;
        Instant from = null;
        int inside = 0;
        BigInteger weighted = BigInteger.ZERO;
        long total = 0;
        for (PriceObservation p : prices) {
            if (p.at().isAfter(expiry)) {
                break;
            }
            if (!p.at().isAfter(start)) {
                current = p;
                continue;
            }
            boolean stale = current != null
                    && Duration.between(current.at(), p.at()).compareTo(limits.maxPriceAge()) > 0;
            if (stale && from != null) {
                return gap(current.at(), p.at(), limits);
            }
            if (current != null && !stale) {
                // A stale price from before the window is dropped: the average then starts at the first price inside.
                long millis = Duration.between(from == null ? start : from, p.at()).toMillis();
                weighted = weighted.add(weight(current, millis));
                total += millis;
            }
            current = p;
            from = p.at();
            inside++;
        }
        if (inside < limits.minimumPrices()) {
            return Outcome.rejected(RejectionCode.NO_PRICE, inside + " oracle price(s) in the settlement window "
                    + start + " to " + expiry + "; at least " + limits.minimumPrices() + " needed");
        }
        if (Duration.between(current.at(), expiry).compareTo(limits.maxPriceAge()) > 0) {
            return gap(current.at(), expiry, limits);
        }
        long millis = Duration.between(from, expiry).toMillis();
        weighted = weighted.add(weight(current, millis));
        total += millis;
        if (total == 0) {
            return new Outcome.Accepted<>(current.price(), List.of(), List.of());
        }
        long units = weighted.divide(BigInteger.valueOf(total)).longValueExact();
        return new Outcome.Accepted<>(Amount.ofUnits(units), List.of(), List.of());
    }

    /**
     * The earliest observation {@link #settlementPrice} can use for an expiry: a price older than maxPriceAge at
     * the window's start is stale there and dropped, so a caller loads the accepted prices from this instant to
     * the expiry and no others.
     */
    public static Instant settlementInputsFrom(Instant expiry, OracleLimits limits) {
        return expiry.minus(limits.window()).minus(limits.maxPriceAge());
    }

    private static BigInteger weight(PriceObservation price, long millis) {
        return BigInteger.valueOf(price.price().units()).multiply(BigInteger.valueOf(millis));
    }

    private static Outcome<Amount> gap(Instant from, Instant to, OracleLimits limits) {
        return Outcome.rejected(RejectionCode.NO_PRICE, "no oracle price from " + from + " to " + to
                + ", longer than maxPriceAge " + limits.maxPriceAge());
    }

    private static Optional<Rejection> reject(RejectionCode code, String detail) {
        return Optional.of(new Rejection(code, detail));
    }

    private static String percent(double fraction) {
        return Decimals.fixed(fraction * 100, 2) + "%";
    }
}
