package io.backstop.vault.bench;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Outcome;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Position;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.shares.LpAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded engine throughput on a vault with {@value #SERIES} live series (calls and puts over five
 * expiries and ten strikes each): a quote followed by the buy that takes it, each on the state the last one left;
 * the same sale as one market order; and settling one series held in 100 positions.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class QuoteAndBuyBenchmark {

    static final int SERIES = 100;
    private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");
    private static final MarketSnapshot MARKET = MarketSnapshot.at(2000);
    private static final Quantity SMALL = Quantity.parse("0.01");

    private VaultState vault;
    private final SeriesBook[] books = new SeriesBook[SERIES];
    private final OptionSeries[] series = new OptionSeries[SERIES];
    private int next;

    private VaultState settleVault;
    private SeriesBook settleBook;
    private List<Position> settlePositions;

    @Setup(Level.Iteration)
    public void liveVault() {
        vault = VaultState.open("eth-usd", "ETH", "USD", VaultParameters.defaults());
        vault = VaultEngine.deposit(vault, LpAccount.open("eth-usd", "lp"), Amount.parse("1000000000"),
                Valuation.NONE, NOW).result().vault();
        int i = 0;
        for (int expiry = 1; expiry <= 5; expiry++) {
            for (int k = 0; k < 10; k++) {
                for (OptionType type : OptionType.values()) {
                    OptionSeries s = new OptionSeries("ETH", "USD", type, Amount.ofUnits((1750 + 50L * k) * Amount.ONE),
                            NOW.plus(Duration.ofDays(7L * expiry)).plus(Duration.ofHours(8)));
                    Quote q = VaultEngine.quote(vault, s, Quantity.parse("1"), "trader", MARKET, NOW).result().quote();
                    var trade = VaultEngine.buy(vault, null, q, null, "trader", MARKET, NOW).result();
                    vault = trade.vault();
                    books[i] = trade.series();
                    series[i++] = s;
                }
            }
        }
        // One series, 100 holders, for settlement.
        OptionSeries call = series[0];
        settleVault = vault;
        SeriesBook book = null;
        settlePositions = new ArrayList<>();
        for (int h = 0; h < 100; h++) {
            String holder = "holder-" + h;
            Quote q = VaultEngine.quote(settleVault, call, Quantity.parse("0.5"), holder, MARKET, NOW).result().quote();
            var trade = VaultEngine.buy(settleVault, book, q, null, holder, MARKET, NOW).result();
            settleVault = trade.vault();
            book = trade.series();
            settlePositions.add(trade.position());
        }
        settleBook = book;
    }

    /** Quote then buy: the unit the 1,000,000 ops/s target counts. */
    @Benchmark
    public Object quoteAndBuy() {
        int i = next;
        next = i + 1 == SERIES ? 0 : i + 1;
        Outcome<VaultEngine.QuoteResult> quoted = VaultEngine.quote(vault, series[i], SMALL, "trader", MARKET, NOW);
        Quote quote = quoted.result().quote();
        Outcome<VaultEngine.TradeResult> bought = VaultEngine.buy(quoted.result().vault(), books[i], quote,
                quote.premium(), "trader", MARKET, NOW);
        VaultEngine.TradeResult trade = bought.result();
        vault = trade.vault();
        books[i] = trade.series();
        return trade.position();
    }

    /** A market order: the same sale priced and taken in one command, as the simulator's traders buy. */
    @Benchmark
    public Object buyAtMarket() {
        int i = next;
        next = i + 1 == SERIES ? 0 : i + 1;
        VaultEngine.TradeResult trade = VaultEngine.buyAtMarket(vault, books[i], series[i], SMALL, null, "trader",
                MARKET, NOW).result();
        vault = trade.vault();
        books[i] = trade.series();
        return trade.position();
    }

    /** A quote alone. */
    @Benchmark
    public Object quoteOnly() {
        int i = next;
        next = i + 1 == SERIES ? 0 : i + 1;
        return VaultEngine.quote(vault, series[i], SMALL, "trader", MARKET, NOW).result().quote();
    }

    /** Settling a series of 100 positions through the waterfall (in the money), at expiry, and paying them. */
    @Benchmark
    public Object settleAndPay100Positions() {
        return VaultEngine.settleAndPayOut(settleVault, settleBook, settlePositions, Amount.parse("2300"),
                Valuation.NONE, settleBook.series().expiry()).result();
    }
}
