package io.backstop.vault.quote;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A book for tests of pricing a book series after series: calls and puts on a strike grid from deep out of to deep
 * in the money, expired ones included, at a market and with parameters (rate and dividend yield not zero) where
 * every discount leg matters.
 */
public final class ExampleBook {

    public static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");
    public static final VaultParameters PARAMETERS = VaultParameters.defaults()
            .with(Map.of("rate", "0.04", "dividendYield", "0.01"), null);
    public static final MarketSnapshot MARKET = new MarketSnapshot(2030.5, 0.07);

    private ExampleBook() {
    }

    /**
     * Both sides of every strike from 400 to 6000 by 400, expired a day ago, expiring now, in 6 hours, a week, a
     * month and a year.
     */
    public static List<OptionSeries> series() {
        List<OptionSeries> book = new ArrayList<>();
        for (long hours : new long[] {-24, 0, 6, 168, 720, 8760}) {
            for (long strike = 400; strike <= 6000; strike += 400) {
                for (OptionType type : OptionType.values()) {
                    book.add(new OptionSeries("ETH", "USD", type, Amount.ofUnits(strike * Amount.ONE),
                            NOW.plus(Duration.ofHours(hours))));
                }
            }
        }
        return book;
    }

    /** The book in {@link OptionSeries#BOOK_ORDER}, then in a fixed random order: sharing must not change a value. */
    public static List<List<OptionSeries>> inBookOrderAndShuffled() {
        List<OptionSeries> shuffled = new ArrayList<>(series());
        Collections.shuffle(shuffled, new Random(7));
        List<OptionSeries> inBookOrder = new ArrayList<>(shuffled);
        inBookOrder.sort(OptionSeries.BOOK_ORDER);
        return List.of(inBookOrder, shuffled);
    }
}
