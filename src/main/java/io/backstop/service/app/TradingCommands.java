package io.backstop.service.app;

import io.backstop.pricing.OptionType;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.PositionRecord;
import io.backstop.service.store.QuoteRecord;
import io.backstop.service.store.SeriesRecord;
import io.backstop.vault.Outcome;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Quote;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Quotes and trades: the engine prices and checks, this class loads and stores what it touches. */
@ApplicationScoped
public class TradingCommands {

    private final VaultBooks books;
    private final ServiceClock clock;
    private final VaultMetrics metrics;

    public TradingCommands(VaultBooks books, ServiceClock clock, VaultMetrics metrics) {
        this.books = books;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Inside a transaction: a quote for the trader, stored with its owner. */
    public Uni<Quote> quote(String vaultId, String trader, OptionType type, Amount strike, Instant expiry,
            Quantity quantity) {
        Instant now = clock.now();
        return books.lock(vaultId).chain(row -> {
            VaultState vault = Aggregates.vault(row);
            OptionSeries series = new OptionSeries(vault.underlying(), vault.quoteCurrency(), type, strike, expiry);
            return books.market(vault, now).chain(market -> {
                Outcome<VaultEngine.QuoteResult> outcome = VaultEngine.quote(vault, series, quantity, trader,
                        market, now);
                VaultEngine.QuoteResult result = VaultBooks.accepted(outcome);
                return Aggregates.record(result.quote()).persist()
                        .chain(() -> books.record(row, result.vault(), outcome)).replaceWith(result.quote());
            });
        });
    }

    /** Inside a transaction: the trader takes a quote if the engine accepts (theirs, untaken, still valid). */
    public Uni<VaultEngine.TradeResult> buy(String vaultId, String trader, String quoteId, Amount maxPremium) {
        Instant now = clock.now();
        return books.lock(vaultId).chain(row -> QuoteRecord.<QuoteRecord>findById(quoteId).chain(quoteRow -> {
            if (quoteRow == null || !quoteRow.vault.equals(vaultId)) {
                throw CommandRefused.of(Refusal.NOT_FOUND, "no quote '" + quoteId + "' in vault '" + vaultId + "'");
            }
            VaultState vault = Aggregates.vault(row);
            Quote quote = Aggregates.quote(vault, quoteRow);
            SeriesRecord.Key key = new SeriesRecord.Key(vaultId, quote.series().id());
            return books.market(vault, now).chain(market -> SeriesRecord.<SeriesRecord>findById(key)
                    .chain(seriesRow -> {
                        var book = seriesRow == null ? null : Aggregates.seriesBook(vault, seriesRow);
                        Outcome<VaultEngine.TradeResult> outcome = VaultEngine.buy(vault, book, quote, maxPremium,
                                trader, market, now);
                        VaultEngine.TradeResult result = VaultBooks.accepted(outcome);
                        quoteRow.taken = result.quote().taken();
                        PositionRecord position = Aggregates.write(result.position(), new PositionRecord());
                        position.openedAt = now;
                        SeriesRecord series = Aggregates.write(result.series(),
                                seriesRow != null ? seriesRow : new SeriesRecord());
                        return VaultBooks.saveIfNew(series, seriesRow == null).chain(position::persist)
                                .chain(() -> books.record(row, result.vault(), outcome)).replaceWith(result)
                                .invoke(() -> metrics.traded(vaultId, result.position().premium().toDouble(),
                                        result.position().quantity().toDouble()));
                    }));
        }));
    }
}
