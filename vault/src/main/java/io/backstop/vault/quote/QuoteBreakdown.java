package io.backstop.vault.quote;

import io.backstop.vault.ledger.Amount;

/**
 * What a premium is made of, every component already rounded up to minor units in the pool's favour.
 *
 * @param spot               spot used, per unit of underlying
 * @param iv                 the volatility priced at
 * @param theoretical        Black-Scholes-Merton value of the quantity (to the LPs)
 * @param spread             utilisation spread (to the LPs)
 * @param fees               option fee + spot fee
 * @param bufferContribution the part of the fees (and of LP income, if so set) paid into the insurance buffer
 * @param treasury           the rest of the fees
 */
public record QuoteBreakdown(double spot, double iv, Amount theoretical, Amount spread, Amount fees,
        Amount bufferContribution, Amount treasury) {

    /** The premium the trader pays: theoretical + spread + fees. */
    public Amount premium() {
        return Amount.ofUnits(premiumUnits());
    }

    /** What the LPs keep: theoretical + spread − any LP premium share paid into the buffer. */
    public Amount lpIncome() {
        return Amount.ofUnits(Math.subtractExact(Math.subtractExact(premiumUnits(), bufferContribution.units()),
                treasury.units()));
    }

    // The premium is its three parts, summed exactly in minor units.
    private long premiumUnits() {
        return Math.addExact(Math.addExact(theoretical.units(), spread.units()), fees.units());
    }
}
