package io.backstop.vault.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.backstop.pricing.OptionType;
import io.backstop.vault.MarketSnapshot;
import io.backstop.vault.collateral.SeriesBook;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.quote.OptionSeries;
import io.backstop.vault.quote.SeriesMark;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookGreeksTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final VaultParameters P = VaultParameters.defaults();
    private static final MarketSnapshot AT_2000 = MarketSnapshot.at(2000);

    private static SeriesBook sold(OptionType type, long strike, int days, String contracts) {
        OptionSeries s = new OptionSeries("ETH", "USD", type, Amount.ofUnits(strike * Amount.ONE),
                NOW.plus(Duration.ofDays(days)));
        return new SeriesBook("v", s, Quantity.parse(contracts), Amount.ZERO, new double[StressScenarios.COUNT], null);
    }

    @Test
    void theShortBookHasTheSignsOfAWriterAndItsDeltaIsTheMarksSlope() {
        SeriesBook call = sold(OptionType.CALL, 2000, 30, "3");
        SeriesBook put = sold(OptionType.PUT, 1800, 30, "2");
        BookGreeks g = BookGreeks.of(List.of(call, put), AT_2000, P, NOW);

        assertThat(g.series()).hasSize(2);
        assertThat(g.series().get(0).delta()).isNegative(); // short calls lose as spot rises
        assertThat(g.series().get(1).delta()).isPositive(); // short puts gain
        assertThat(g.gamma()).isNegative();
        assertThat(g.vega()).isNegative();
        assertThat(g.theta()).isPositive(); // time decay is the writer's income
        assertThat(g.delta()).isEqualTo(g.series().get(0).delta() + g.series().get(1).delta());

        // Delta is minus the slope of the book's marks in spot (central difference, 1 USD either side).
        double up = value(List.of(call, put), 2001);
        double down = value(List.of(call, put), 1999);
        assertThat(g.delta()).isCloseTo(-(up - down) / 2, within(1e-3));
    }

    @Test
    void settledAndExpiredSeriesCarryNoGreeks() {
        SeriesBook expired = sold(OptionType.CALL, 2000, -1, "1");
        assertThat(BookGreeks.of(List.of(expired), AT_2000, P, NOW).series()).isEmpty();
        assertThat(BookGreeks.of(List.of(), AT_2000, P, NOW).delta()).isZero();
    }

    private static double value(List<SeriesBook> books, double spot) {
        double v = 0;
        for (SeriesBook b : books) {
            v += b.openInterest().toDouble() * SeriesMark.of(b.series(), MarketSnapshot.at(spot), P, NOW)
                    .valuePerContract();
        }
        return v;
    }
}
