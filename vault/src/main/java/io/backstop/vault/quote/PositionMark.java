package io.backstop.vault.quote;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionGreeks;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import java.time.Instant;

/**
 * A holder's open position marked to market, as a trader reads it: its value at the vault's mark (the marks NAV
 * uses), its unrealised P&L against the premium paid, and its Greeks as the holder's (long) at the same volatility.
 * Delta in units of the underlying, gamma per unit of spot, vega per 1.00 of volatility, theta per year.
 *
 * @param value      the position's value, rounded down (the cautious side for the holder)
 * @param unrealised value − premium paid
 */
public record PositionMark(Amount value, Amount unrealised, double delta, double gamma, double vega, double theta) {

    /** The mark of {@code quantity} contracts of a series bought for {@code premium}, at a market and instant. */
    public static PositionMark of(OptionSeries series, Quantity quantity, Amount premium, MarketSnapshot market,
            VaultParameters parameters, Instant now) {
        SeriesMark mark = SeriesMark.of(series, market, parameters, now);
        Amount value = Amount.perContract(mark.valuePerContract(), quantity, Rounding.DOWN);
        double years = Pricing.yearsBetween(now, series.expiry());
        double q = quantity.toDouble();
        if (years <= 0) {
            return new PositionMark(value, value.minus(premium), 0, 0, 0, 0);
        }
        OptionGreeks g = BlackScholesMerton.greeks(series.type(), market.spot(), series.strike().toDouble(), years,
                parameters.rate(), parameters.dividendYield(), mark.volatility());
        return new PositionMark(value, value.minus(premium), q * g.delta(), q * g.gamma(), q * g.vega(),
                q * g.theta());
    }
}
