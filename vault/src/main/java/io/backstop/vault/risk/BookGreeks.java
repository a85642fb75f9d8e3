package io.backstop.vault.risk;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionGreeks;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Pricing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool's sensitivities on its book, as a risk desk reads them: the pool is short every contract it sold, so
 * each series contributes minus its open interest times one contract's Black-Scholes-Merton Greeks, at the oracle's
 * spot, on the vault's surface (the volatility the marks use). Delta in units of the underlying, gamma per unit of
 * spot, vega per 1.00 of volatility (divide by 100 for a point), theta per year of calendar time.
 *
 * @param series each unsettled, unexpired series' Greeks
 * @param delta  the book's net delta
 * @param gamma  the book's net gamma
 * @param vega   the book's net vega
 * @param theta  the book's net theta
 */
public record BookGreeks(List<SeriesGreeks> series, double delta, double gamma, double vega, double theta) {

    /** One series' contribution: open interest short, times one contract's Greeks. */
    public record SeriesGreeks(String seriesId, Quantity openInterest, double volatility, double delta, double gamma,
            double vega, double theta) {
    }

    /** The book's Greeks at a market and instant; expired series (worth their intrinsic value) are left out. */
    public static BookGreeks of(List<SeriesBook> books, MarketSnapshot market, VaultParameters parameters,
            Instant now) {
        List<SeriesGreeks> series = new ArrayList<>(books.size());
        double delta = 0;
        double gamma = 0;
        double vega = 0;
        double theta = 0;
        for (SeriesBook book : books) {
            OptionSeries s = book.series();
            double years = Pricing.yearsBetween(now, s.expiry());
            if (book.isSettled() || years <= 0 || book.openInterest().units() == 0) {
                continue;
            }
            double vol = Pricing.volatility(s, market, parameters, now);
            OptionGreeks g = BlackScholesMerton.greeks(s.type(), market.spot(), s.strike().toDouble(), years,
                    parameters.rate(), parameters.dividendYield(), vol);
            double shortContracts = -book.openInterest().toDouble();
            SeriesGreeks sg = new SeriesGreeks(book.id(), book.openInterest(), vol, shortContracts * g.delta(),
                    shortContracts * g.gamma(), shortContracts * g.vega(), shortContracts * g.theta());
            series.add(sg);
            delta += sg.delta();
            gamma += sg.gamma();
            vega += sg.vega();
            theta += sg.theta();
        }
        return new BookGreeks(List.copyOf(series), delta, gamma, vega, theta);
    }
}
