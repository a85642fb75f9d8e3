package io.backstop.service.app;

import io.backstop.pricing.OptionType;
import io.backstop.service.store.Aggregates;
import io.backstop.service.store.PositionRecord;
import io.backstop.service.store.QuoteRecord;
import io.backstop.service.store.SeriesRecord;
import io.backstop.service.store.VaultReading;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Outcome;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.risk.RiskReceipt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Quotes and trades, each in a transaction of its own. A trade loads what the engine needs under the vault's lock,
 * lets the engine price and check, and stores what it changed; a quote needs no lock.
 */
@ApplicationScoped
public class TradingCommands {

    private final VaultBooks books;
    private final ServiceClock clock;
    private final VaultMetrics metrics;
    private final CommandTransaction transaction;
    private final Idempotency idempotency;
    private final QuoteNumbers quoteNumbers;
    private final VaultAdmission admission;
    private final VaultReading reading;

    public TradingCommands(VaultBooks books, ServiceClock clock, VaultMetrics metrics,
            CommandTransaction transaction, Idempotency idempotency, QuoteNumbers quoteNumbers,
            VaultAdmission admission, VaultReading reading) {
        this.books = books;
        this.reading = reading;
        this.clock = clock;
        this.metrics = metrics;
        this.transaction = transaction;
        this.idempotency = idempotency;
        this.quoteNumbers = quoteNumbers;
        this.admission = admission;
    }

    /** A quote given, with its risk receipt: what taking it would do to the fund, as the vault stands. */
    public record QuoteGiven(Quote quote, RiskReceipt receipt) {
    }

    /**
     * A quote for the trader, stored with its owner. It takes no lock on the vault: a quote moves no money and
     * leaves the vault as it is, and the trade that takes it checks every policy again under the lock. It is priced
     * on the vault as last committed, numbered from the quote sequence.
     */
    public Uni<QuoteGiven> quote(String vaultId, String trader, OptionType type, Amount strike, Instant expiry,
            Quantity quantity) {
        Instant now = clock.now();
        return reading.read(vaultId).onItem().ifNull().failWith(() -> VaultBooks.noVault(vaultId))
                .map(read -> new QuoteAsked(read, books, now))
                .chain(asked -> transaction.run(() -> quoteNumbers.next().map(asked::numbered)
                        .map(numbered -> numbered.quote(new OptionSeries(numbered.vault.underlying(),
                                numbered.vault.quoteCurrency(), type, strike, expiry), quantity, trader, now))
                        .chain(this::store))
                        .map(quote -> new QuoteGiven(quote, asked.receipt(quote, now))));
    }

    /**
     * The trader takes a quote if the engine accepts (theirs, untaken, still valid, within {@code maxPremium}), once
     * per idempotency key.
     *
     * @param answer what the client is told of the trade, stored for repeats of the request
     */
    public Uni<Idempotency.Answer> buy(Idempotency.Request request, String vaultId, String quoteId,
            Amount maxPremium, Function<VaultEngine.TradeResult, ?> answer) {
        String trader = request.subject();
        return admission.admit(vaultId, () -> idempotency.once(request,
                new Object[] {"trade", vaultId, quoteId, maxPremium},
                () -> buyNow(vaultId, trader, quoteId, maxPremium).map(answer)));
    }

    /**
     * A market order: bought at once at the premium a quote would give now, if it is at most {@code maxPremium},
     * refused for what a quote then its trade would be refused for, in that order (the engine's
     * {@code buyAtMarket}); once per idempotency key, and admitted to its vault like any trade.
     *
     * @param answer what the client is told of the trade, stored for repeats of the request
     */
    public Uni<Idempotency.Answer> buyAtMarket(Idempotency.Request request, String vaultId, OptionType type,
            Amount strike, Instant expiry, Quantity quantity, Amount maxPremium,
            Function<VaultEngine.TradeResult, ?> answer) {
        String trader = request.subject();
        return admission.admit(vaultId, () -> idempotency.once(request,
                new Object[] {"market-order", vaultId, type, strike, expiry, quantity, maxPremium},
                () -> buyAtMarketNow(vaultId, trader, type, strike, expiry, quantity, maxPremium).map(answer)));
    }

    private Uni<VaultEngine.TradeResult> buyAtMarketNow(String vaultId, String trader, OptionType type, Amount strike,
            Instant expiry, Quantity quantity, Amount maxPremium) {
        Instant now = clock.now();
        return books.lock(vaultId).chain(row -> {
            VaultState vault = Aggregates.vault(row);
            OptionSeries series = new OptionSeries(vault.underlying(), vault.quoteCurrency(), type, strike, expiry);
            return books.market(vault, now).chain(market -> SeriesRecord.<SeriesRecord>findById(
                    new SeriesRecord.Key(vaultId, series.id())).chain(seriesRow -> {
                        SeriesBook book = seriesRow == null ? null : Aggregates.seriesBook(vault, seriesRow);
                        Outcome<VaultEngine.TradeResult> outcome = VaultEngine.buyAtMarket(vault, book, series,
                                quantity, maxPremium, trader, market, now);
                        return storeTrade(row, seriesRow, outcome, VaultBooks.accepted(outcome), now);
                    }));
        });
    }

    private Uni<VaultEngine.TradeResult> buyNow(String vaultId, String trader, String quoteId, Amount maxPremium) {
        Instant now = clock.now();
        return books.lock(vaultId)
                .chain(row -> QuoteRecord.<QuoteRecord>findById(quoteId).map(quoteRow -> Purchase.of(row, quoteRow,
                        quoteId)))
                .chain(purchase -> books.market(purchase.vault, now).map(purchase::at))
                .chain(purchase -> SeriesRecord.<SeriesRecord>findById(purchase.seriesKey()).map(purchase::onBook))
                .map(purchase -> purchase.buy(trader, maxPremium, now))
                .chain(this::store);
    }

    /**
     * A quote asked for: the vault and its market as last committed, read in one statement before the quote's
     * transaction, then the quote's number as it is drawn.
     */
    private record QuoteAsked(VaultState vault, List<SeriesRecord> unsettled, MarketSnapshot market, long number) {

        QuoteAsked(VaultReading.Read read, VaultBooks books, Instant now) {
            this(Aggregates.vault(read.vault()), read.unsettled(), books.market(read.lastPrice() == null ? null
                    : Aggregates.observation(read.lastPrice()), now), 0);
        }

        /** The quote's risk receipt on the vault it was priced on, its series' book as read with it. */
        RiskReceipt receipt(Quote quote, Instant now) {
            SeriesBook book = unsettled.stream().filter(r -> r.id.equals(quote.series().id())).findFirst()
                    .map(r -> Aggregates.seriesBook(vault, r)).orElse(null);
            return VaultEngine.riskReceipt(vault, book, quote, market, now);
        }

        QuoteAsked numbered(long quoteNumber) {
            return new QuoteAsked(vault, unsettled, market, quoteNumber);
        }

        Quoted quote(OptionSeries series, Quantity quantity, String trader, Instant now) {
            Outcome<VaultEngine.QuoteResult> outcome = VaultEngine.quote(vault, series, quantity, trader, market, now,
                    number);
            return new Quoted(outcome, VaultBooks.accepted(outcome));
        }
    }

    /** The engine's quote, to be stored; the vault is unchanged. */
    private record Quoted(Outcome<VaultEngine.QuoteResult> outcome, VaultEngine.QuoteResult result) {
    }

    private Uni<Quote> store(Quoted quoted) {
        Quote quote = quoted.result().quote();
        return Aggregates.record(quote).persist()
                .chain(() -> books.append(quoted.outcome().journal(), quoted.outcome().events()))
                .replaceWith(quote);
    }

    /** A quote being taken: the locked vault, the quote, then the market and the series' book as they are read. */
    private record Purchase(VaultRecord row, VaultState vault, QuoteRecord quoteRow, Quote quote,
            MarketSnapshot market, SeriesRecord seriesRow) {

        static Purchase of(VaultRecord row, QuoteRecord quoteRow, String quoteId) {
            if (quoteRow == null || !quoteRow.vault.equals(row.id)) {
                throw CommandRefused.of(Refusal.NOT_FOUND, "no quote '" + quoteId + "' in vault '" + row.id + "'");
            }
            VaultState vault = Aggregates.vault(row);
            return new Purchase(row, vault, quoteRow, Aggregates.quote(vault, quoteRow), null, null);
        }

        SeriesRecord.Key seriesKey() {
            return new SeriesRecord.Key(vault.id(), quote.series().id());
        }

        Purchase at(MarketSnapshot snapshot) {
            return new Purchase(row, vault, quoteRow, quote, snapshot, seriesRow);
        }

        Purchase onBook(SeriesRecord series) {
            return new Purchase(row, vault, quoteRow, quote, market, series);
        }

        Bought buy(String trader, Amount maxPremium, Instant now) {
            SeriesBook book = seriesRow == null ? null : Aggregates.seriesBook(vault, seriesRow);
            Outcome<VaultEngine.TradeResult> outcome = VaultEngine.buy(vault, book, quote, maxPremium, trader, market,
                    now);
            return new Bought(this, outcome, VaultBooks.accepted(outcome), now);
        }
    }

    /** The engine's trade, to be stored: the quote taken, the position opened, the series' book and the vault. */
    private record Bought(Purchase purchase, Outcome<VaultEngine.TradeResult> outcome,
            VaultEngine.TradeResult result, Instant now) {
    }

    private Uni<VaultEngine.TradeResult> store(Bought bought) {
        Purchase purchase = bought.purchase();
        purchase.quoteRow().taken = bought.result().quote().taken();
        return storeTrade(purchase.row(), purchase.seriesRow(), bought.outcome(), bought.result(), bought.now());
    }

    /** A trade's rows: the position opened, the series' book (new or loaded), the vault and its books. */
    private Uni<VaultEngine.TradeResult> storeTrade(VaultRecord row, SeriesRecord seriesRow,
            Outcome<VaultEngine.TradeResult> outcome, VaultEngine.TradeResult result, Instant now) {
        PositionRecord position = Aggregates.write(result.position(), new PositionRecord());
        position.openedAt = now;
        position.bought = position.quantity;
        position.paid = position.premium;
        boolean newSeries = seriesRow == null;
        SeriesRecord series = Aggregates.write(result.series(), newSeries ? new SeriesRecord() : seriesRow);
        return VaultBooks.saveIfNew(series, newSeries)
                .chain(position::persist)
                .chain(() -> books.record(row, result.vault(), outcome))
                .invoke(() -> metrics.traded(row.id, result.position().premium().toDouble(),
                        result.position().quantity().toDouble()))
                .replaceWith(result);
    }
}
