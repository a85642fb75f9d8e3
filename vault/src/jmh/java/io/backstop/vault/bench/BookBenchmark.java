package io.backstop.vault.bench;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.shares.LpAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole book valued at once: the NAV's mark-to-market ({@link Valuation#of}) and the stress grid's reassessment
 * ({@link VaultEngine#reassessRisk}) of a vault holding both sides of 20 strikes and 4 calls alone over 3 expiries
 * (44 series, about the calm scenario's book), in book order or shuffled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BookBenchmark {

    private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");
    private static final MarketSnapshot MARKET = new MarketSnapshot(2030, 0.02);

    /** "book" for expiry, strike, type order; "shuffled" for a fixed random order. */
    @Param({"book", "shuffled"})
    String order;

    private VaultState vault;
    private List<SeriesBook> books;

    @Setup
    public void book() {
        vault = VaultState.open("eth-usd", "ETH", "USD", VaultParameters.defaults());
        vault = VaultEngine.deposit(vault, LpAccount.open("eth-usd", "lp"), Amount.parse("1000000000"),
                Valuation.NONE, NOW).result().vault();
        books = new ArrayList<>();
        for (int expiry = 1; expiry <= 3; expiry++) {
            for (int k = 0; k < 10; k++) {
                for (OptionType type : OptionType.values()) {
                    if (type == OptionType.PUT && k >= 8 || (k + expiry) % 5 == 0) {
                        continue;
                    }
                    OptionSeries s = new OptionSeries("ETH", "USD", type, Amount.ofUnits((1800 + 50L * k) * Amount.ONE),
                            NOW.plus(Duration.ofDays(7L * expiry)).plus(Duration.ofHours(8)));
                    Quote q = VaultEngine.quote(vault, s, Quantity.parse("1"), "trader", MARKET, NOW).result().quote();
                    var trade = VaultEngine.buy(vault, null, q, null, "trader", MARKET, NOW).result();
                    vault = trade.vault();
                    books.add(trade.series());
                }
            }
        }
        if (order.equals("shuffled")) {
            Collections.shuffle(books, new Random(7));
        }
    }

    /** The book's mark-to-market. */
    @Benchmark
    public double valuation() {
        return Valuation.of(books, MARKET, vault.parameters(), NOW).liability();
    }

    /** The book re-priced on the stress grid and the ladder re-read. */
    @Benchmark
    public Object reassessment() {
        return VaultEngine.reassessRisk(vault, books, MARKET, null, NOW).result();
    }
}
