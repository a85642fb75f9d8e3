package io.backstop.pricing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalParserTest {

    private static double parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(bytes, 0, bytes.length);
    }

    @Test
    void parse_readsPlainAndScientificDecimals() {
        assertThat(parse("2000")).isEqualTo(2000.0);
        assertThat(parse(" 0.25 ")).isEqualTo(0.25);
        assertThat(parse("-0.01")).isEqualTo(-0.01);
        assertThat(parse("+1.5e-3")).isEqualTo(1.5e-3);
        assertThat(parse("1E300")).isEqualTo(1e300);
        assertThat(parse(".5")).isEqualTo(0.5);
        assertThat(parse("5.")).isEqualTo(5.0);
        assertThat(parse("0.1234567890123456789012")).isEqualTo(0.1234567890123456789012);
        assertThat(parse("4.9E-324")).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void parse_refusesWhatIsNotADecimalNumber() {
        for (String bad : new String[] {"", " ", "abc", "1d", "NaN", "Infinity", "0x1p3", "1e", "1.2.3", "--1", "1,5"}) {
            assertThat(parse(bad)).as("'%s'", bad).isNaN();
        }
    }

    @Test
    void parse_agreesWithDoubleParseDoubleOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
            if (!Double.isFinite(v)) {
                continue;
            }
            String text = i % 2 == 0 ? Double.toString(v)
                    : new java.math.BigDecimal(random.nextDouble() * 1000).round(new java.math.MathContext(
                            1 + random.nextInt(20))).toPlainString();
            assertThat(parse(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }
}
