package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;

/**
 * What the pool's bid for a holder's options is made of: the value the LPs pay less what the holder is charged,
 * every component rounded in the pool's favour.
 *
 * @param spot               spot used, per unit of underlying
 * @param iv                 the volatility priced at
 * @param theoretical        Black-Scholes-Merton value of the quantity, rounded down
 * @param spread             the bid's spread (kept by the LPs), rounded up
 * @param fees               option fee + spot fee, rounded up and capped at what is left of the value after the
 *                           spread, so the proceeds are never negative
 * @param bufferContribution the part of the fees paid into the insurance buffer
 * @param treasury           the rest of the fees
 */
public record BidBreakdown(double spot, double iv, Amount theoretical, Amount spread, Amount fees,
        Amount bufferContribution, Amount treasury) {

    public BidBreakdown {
        if (spread.plus(fees).compareTo(theoretical) > 0) {
            throw new IllegalArgumentException("spread " + spread + " and fees " + fees + " exceed the value "
                    + theoretical);
        }
        if (!bufferContribution.plus(treasury).equals(fees)) {
            throw new IllegalArgumentException("the buffer's and the treasury's parts must add up to the fees");
        }
    }

    /** What the holder receives: theoretical − spread − fees, never negative. */
    public Amount proceeds() {
        return theoretical.minus(spread).minus(fees);
    }

    /** What the LPs pay out of their free capital: theoretical − spread (the proceeds and the fees). */
    public Amount lpCost() {
        return theoretical.minus(spread);
    }
}
