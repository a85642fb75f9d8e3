package io.backstop.vault.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.BlackScholesMerton;
import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.governance.VaultParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesMarksTest {

    /**
     * In any order, each mark is the textbook composition to the bit: Black-Scholes-Merton at the surface's
     * volatility for the series (plus shift), the intrinsic value at and after expiry; and the same as the series
     * marked alone.
     */
    @Test
    void marksInAnyOrder_areEachSeriesPricedAtItsSurfaceVolatility_toTheBit() {
        MarketSnapshot market = ExampleBook.MARKET;
        VaultParameters p = ExampleBook.PARAMETERS;
        Instant now = ExampleBook.NOW;
        for (List<OptionSeries> order : ExampleBook.inBookOrderAndShuffled()) {
            SeriesMarks marks = new SeriesMarks(market, p, now);
            for (OptionSeries series : order) {
                double years = Pricing.yearsBetween(now, series.expiry());
                double strike = series.strike().toDouble();
                double expected = years == 0 ? Math.max(series.type().sign() * (market.spot() - strike), 0)
                        : BlackScholesMerton.price(series.type(), market.spot(), strike, years, p.rate(),
                                p.dividendYield(), Pricing.volatility(series, market, p, now));
                assertThat(marks.valuePerContract(series)).as("%s", series).isEqualTo(expected);
                assertThat(SeriesMark.of(series, market, p, now).valuePerContract()).isEqualTo(expected);
            }
        }
    }

    /**
     * A mark holds what the series' valuation holds, taken in any order: its value per contract, and the surface's
     * volatility (plus shift) it is priced at, read at a second to expiry once expired.
     */
    @Test
    void marksInAnyOrder_holdTheSeriesValueAndTheVolatilityItIsPricedAt() {
        MarketSnapshot market = new MarketSnapshot(ExampleBook.MARKET.spot(), 0.05);
        VaultParameters p = ExampleBook.PARAMETERS;
        Instant now = ExampleBook.NOW;
        for (List<OptionSeries> order : ExampleBook.inBookOrderAndShuffled()) {
            SeriesMarks marks = new SeriesMarks(market, p, now);
            for (OptionSeries series : order) {
                SeriesMark mark = marks.mark(series);
                assertThat(mark.series()).isSameAs(series);
                assertThat(mark.market()).isSameAs(market);
                assertThat(mark.at()).isSameAs(now);
                assertThat(mark.isUnder(p)).isTrue();
                assertThat(mark.valuePerContract()).as("%s", series)
                        .isEqualTo(new SeriesMarks(market, p, now).valuePerContract(series));
                assertThat(mark.volatility()).as("%s", series).isEqualTo(Pricing.volatility(series, market, p, now));
            }
        }
    }

    @Test
    void bookOrder_isExpiryThenStrikeThenCallBeforePut() {
        List<OptionSeries> sorted = new ArrayList<>(ExampleBook.series());
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
