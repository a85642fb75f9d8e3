package io.backstop.vault.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.quote.OptionSeries;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesCatalogueTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-11T08:00:00Z");

    @Test
    void aSeriesKeepsItsNumberAndItsOneInstance_andEveryKeyPartTellsSeriesApart() {
        SeriesCatalogue catalogue = new SeriesCatalogue("UND", "USD");
        int call = catalogue.numberOf(OptionType.CALL, 2000 * Amount.ONE, EXPIRY);
        int put = catalogue.numberOf(OptionType.PUT, 2000 * Amount.ONE, EXPIRY);
        int otherStrike = catalogue.numberOf(OptionType.CALL, 2100 * Amount.ONE, EXPIRY);
        int otherExpiry = catalogue.numberOf(OptionType.CALL, 2000 * Amount.ONE, EXPIRY.plusSeconds(7 * 86400));
        assertThat(new int[] {call, put, otherStrike, otherExpiry}).containsExactly(0, 1, 2, 3);
        assertThat(catalogue.numberOf(OptionType.CALL, 2000 * Amount.ONE, EXPIRY)).isEqualTo(call);
        assertThat(catalogue.series(put)).isEqualTo(new OptionSeries("UND", "USD", OptionType.PUT,
                Amount.parse("2000"), EXPIRY));
        assertThat(catalogue.series(call).id()).isSameAs(catalogue.series(call).id());
        // Series of one expiry share one instant, whichever instant of it they were asked for with.
        int later = catalogue.numberOf(OptionType.PUT, 1900 * Amount.ONE, Instant.parse("2026-12-11T08:00:00Z"));
        assertThat(catalogue.series(later).expiry()).isSameAs(catalogue.series(call).expiry());
        assertThat(catalogue.size()).isEqualTo(5);
    }

    /** Thousands of series, past several rehashes: each found again under the number it was given. */
    @Test
    void manySeries_areEachFoundAgainAfterTheTableGrows() {
        SeriesCatalogue catalogue = new SeriesCatalogue("UND", "USD");
        Map<OptionSeries, Integer> numbers = new HashMap<>();
        for (int day = 0; day < 40; day++) {
            for (int strike = 1; strike <= 60; strike++) {
                for (OptionType type : OptionType.values()) {
                    Instant expiry = EXPIRY.plusSeconds(86400L * day);
                    int number = catalogue.numberOf(type, strike * 50 * Amount.ONE, expiry);
                    numbers.put(catalogue.series(number), number);
                }
            }
        }
        assertThat(catalogue.size()).isEqualTo(40 * 60 * 2).isEqualTo(numbers.size());
        numbers.forEach((series, number) -> assertThat(catalogue.numberOf(series.type(), series.strike().units(),
                series.expiry())).isEqualTo(number));
    }

    @Test
    void pastItsLimit_aNewPathStartsAfresh_whileBelowItNumbersStay() {
        SeriesCatalogue catalogue = new SeriesCatalogue("UND", "USD");
        for (int i = 1; i <= SeriesCatalogue.LIMIT; i++) {
            catalogue.numberOf(OptionType.CALL, i * Amount.ONE, EXPIRY);
        }
        assertThat(catalogue.size()).isEqualTo(SeriesCatalogue.LIMIT);
        catalogue.startPath();
        assertThat(catalogue.size()).isZero();
        assertThat(catalogue.numberOf(OptionType.PUT, 5 * Amount.ONE, EXPIRY)).isZero();
        catalogue.startPath();
        assertThat(catalogue.size()).isEqualTo(1);
    }

    @Test
    void refusesWhatNoSeriesCanBe() {
        SeriesCatalogue catalogue = new SeriesCatalogue("UND", "USD");
        assertThatThrownBy(() -> catalogue.numberOf(OptionType.CALL, 0, EXPIRY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strike must be positive");
        assertThatThrownBy(() -> catalogue.numberOf(OptionType.CALL, Long.MAX_VALUE, EXPIRY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> catalogue.numberOf(OptionType.CALL, 100, EXPIRY.plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
        assertThat(catalogue.size()).isZero();
    }
}
