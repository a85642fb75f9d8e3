package io.backstop.vault.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.BlackScholesMerton;
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
import org.junit.jupiter.api.Test;

class SeriesMarksTest {

    private static final Instant NOW = Instant.parse("2026-01-05T08:00:00Z");
    private static final VaultParameters PARAMETERS = VaultParameters.defaults()
            .with(Map.of("rate", "0.04", "dividendYield", "0.01"), null);

    /** Calls and puts on a strike grid from deep out of to deep in the money, expired ones included. */
    static List<OptionSeries> book() {
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

    /**
     * In any order, each mark is the textbook composition to the bit: Black-Scholes-Merton at the surface's
     * volatility for the series (plus shift), the intrinsic value at and after expiry; and the same as the series
     * marked alone.
     */
    @Test
    void marksInAnyOrder_areEachSeriesPricedAtItsSurfaceVolatility_toTheBit() {
        MarketSnapshot market = new MarketSnapshot(2030.5, 0.07);
        List<OptionSeries> shuffled = new ArrayList<>(book());
        Collections.shuffle(shuffled, new Random(7));
        List<OptionSeries> inBookOrder = new ArrayList<>(shuffled);
        inBookOrder.sort(OptionSeries.BOOK_ORDER);
        for (List<OptionSeries> order : List.of(inBookOrder, shuffled)) {
            SeriesMarks marks = new SeriesMarks(market, PARAMETERS, NOW);
            for (OptionSeries series : order) {
                double years = Pricing.yearsBetween(NOW, series.expiry());
                double strike = series.strike().toDouble();
                double expected = years == 0 ? Math.max(series.type().sign() * (market.spot() - strike), 0)
                        : BlackScholesMerton.price(series.type(), market.spot(), strike, years, PARAMETERS.rate(),
                                PARAMETERS.dividendYield(), Pricing.volatility(series, market, PARAMETERS, NOW));
                assertThat(marks.valuePerContract(series)).as("%s", series).isEqualTo(expected);
                assertThat(Pricing.valuePerContract(series, market, PARAMETERS, NOW)).isEqualTo(expected);
            }
        }
    }

    @Test
    void bookOrder_isExpiryThenStrikeThenCallBeforePut() {
        List<OptionSeries> sorted = new ArrayList<>(book());
        Collections.shuffle(sorted, new Random(11));
        sorted.sort(OptionSeries.BOOK_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            OptionSeries before = sorted.get(i - 1);
            OptionSeries after = sorted.get(i);
            assertThat(before.expiry()).isBeforeOrEqualTo(after.expiry());
            if (before.expiry().equals(after.expiry())) {
                assertThat(before.strike()).isLessThanOrEqualTo(after.strike());
                if (before.strike().equals(after.strike())) {
                    assertThat(before.type()).isEqualTo(OptionType.CALL);
                    assertThat(after.type()).isEqualTo(OptionType.PUT);
                }
            }
        }
        OptionSeries call = sorted.get(0);
        OptionSeries other = new OptionSeries("BTC", "USD", call.type(), call.strike(), call.expiry());
        assertThat(OptionSeries.BOOK_ORDER.compare(call, other)).isNotZero();
        assertThat(OptionSeries.BOOK_ORDER.compare(call, new OptionSeries("ETH", "USD", call.type(), call.strike(),
                call.expiry()))).isZero();
    }
}
