package io.backstop.vault.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptionSeriesTest {

    @Test
    void id_namesUnderlyingCurrencyExpiryStrikeAndType() {
        assertThat(new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"),
                Instant.parse("2026-11-27T08:00:00Z")).id()).isEqualTo("ETH-USD-20261127T08Z-2000-C");
        assertThat(new OptionSeries("ETH", "USD", OptionType.PUT, Amount.parse("1850.5"),
                Instant.parse("2026-03-01T23:59:30Z")).id()).isEqualTo("ETH-USD-20260301T235930Z-1850.5-P");
    }

    /**
     * The expiry's field-by-field formatting is the ISO-8601 text without separators, shortened on the hour, for
     * random instants (on the hour, on the minute and any second) and for those it leaves to {@code Instant}.
     */
    @Test
    void compactExpiry_isTheIsoTextWithoutSeparators() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1);
            long rounding = switch (i % 3) {
                case 0 -> 3600;
                case 1 -> 60;
                default -> 1;
            };
            Instant expiry = Instant.ofEpochSecond(second - Math.floorMod(second, rounding));
            assertThat(OptionSeries.compactExpiry(expiry)).as("%s", expiry).isEqualTo(isoWithoutSeparators(expiry));
        }
        for (String unusual : new String[] {"0999-12-31T23:00:00Z", "+10000-01-01T00:00:00Z",
            "2026-11-27T08:00:00.5Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
            Instant expiry = Instant.parse(unusual);
            assertThat(OptionSeries.compactExpiry(expiry)).as(unusual).isEqualTo(isoWithoutSeparators(expiry));
        }
    }

    private static String isoWithoutSeparators(Instant expiry) {
        String when = expiry.toString().replace("-", "").replace(":", "");
        return when.endsWith("0000Z") && when.length() == 16 ? when.substring(0, 11) + "Z" : when;
    }
}
