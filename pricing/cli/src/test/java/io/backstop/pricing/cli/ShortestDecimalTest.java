package io.backstop.pricing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

    private static String format(double v) {
        byte[] buffer = new byte[32];
        int end = ShortestDecimal.write(v, buffer, 0);
        return new String(buffer, 0, end, StandardCharsets.US_ASCII);
    }

    @Test
    void format_followsDoubleToStringLayout() {
        assertThat(format(2000)).isEqualTo("2000.0");
        assertThat(format(0.1)).isEqualTo("0.1");
        assertThat(format(-0.0123)).isEqualTo("-0.0123");
        assertThat(format(0.001)).isEqualTo("0.001");
        assertThat(format(0.0001)).isEqualTo("1.0E-4");
        assertThat(format(1e7)).isEqualTo("1.0E7");
        assertThat(format(9999999.0)).isEqualTo("9999999.0");
        assertThat(format(123.456)).isEqualTo("123.456");
        assertThat(format(1e-50)).isEqualTo("1.0E-50");
        assertThat(format(-2.5e-300)).isEqualTo("-2.5E-300");
        assertThat(format(Double.MIN_VALUE)).isEqualTo("5.0E-324");
        assertThat(format(2 * Double.MIN_VALUE)).isEqualTo("1.0E-323");
        assertThat(format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
        assertThat(format(0.0)).isEqualTo("0.0");
        assertThat(format(-0.0)).isEqualTo("0.0");
        assertThat(format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void format_isShorterThanJava17WhereJava17IsNotShortest() {
        // JDK-4511638: Java 17 prints 2.0000000000000002E23 for the double nearest 2e23.
        assertThat(format(2e23)).isEqualTo("2.0E23");
        assertThat(format(1.0E23)).isEqualTo("1.0E23");
    }

    @Test
    void format_isTheShortestClosestDecimalThatReadsBack() {
        SplittableRandom random = new SplittableRandom(20261121);
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
                case 2 -> Math.scalb(1.0, random.nextInt(-1074, 1024));
                default -> Math.round(random.nextDouble() * 1e6) / 1e4;
            };
            if (!Double.isFinite(v) || v == 0) {
                continue;
            }
            String text = format(v);
            assertThat(Double.parseDouble(text)).as("%s read back", text).isEqualTo(v);
            assertThat(significantDigits(text)).as("digits of %s for %s", text, new BigDecimal(v))
                    .isEqualTo(shortestLength(v));
            assertThat(new BigDecimal(text)).as("%s is the closest shortest decimal", text)
                    .isEqualByComparingTo(closestShortest(v));
            assertThat(text.length()).as("no longer than Double.toString").isLessThanOrEqualTo(Double.toString(v).length());
        }
    }

    @Test
    void format_isShortestForTheSmallestSubnormals() {
        for (long bits = 1; bits <= 100_000; bits++) {
            double v = Double.longBitsToDouble(bits);
            String text = format(v);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
            assertThat(significantDigits(text)).as(text).isEqualTo(shortestLength(v));
        }
    }

    @Test
    void floorLogarithms_matchExactValues() {
        for (int e = -1100; e <= 1100; e++) {
            BigDecimal pow2 = e >= 0 ? new BigDecimal(java.math.BigInteger.TWO.pow(e))
                    : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-e)));
            assertThat(ShortestDecimal.floorLog10Pow2(e)).as("floor(log10(2^%d))", e)
                    .isEqualTo(pow2.precision() - pow2.scale() - 1);
            BigDecimal threeQuarters = pow2.multiply(new BigDecimal("0.75"));
            assertThat(ShortestDecimal.floorLog10ThreeQuartersPow2(e)).as("floor(log10(3/4 2^%d))", e)
                    .isEqualTo(threeQuarters.precision() - threeQuarters.scale() - 1);
        }
        for (int e = -400; e <= 400; e++) {
            java.math.BigInteger pow10 = java.math.BigInteger.TEN.pow(Math.abs(e));
            int expected = e >= 0 ? pow10.bitLength() - 1 : -pow10.bitLength();
            assertThat(ShortestDecimal.floorLog2Pow10(e)).as("floor(log2(10^%d))", e).isEqualTo(expected);
        }
    }

    private static int significantDigits(String text) {
        return new BigDecimal(text).stripTrailingZeros().precision();
    }

    private static int shortestLength(double v) {
        for (int n = 1; n <= 17; n++) {
            if (!candidates(v, n).isEmpty()) {
                return n;
            }
        }
        throw new AssertionError("no 17-digit decimal reads back as " + v);
    }

    private static BigDecimal closestShortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        BigDecimal best = null;
        for (BigDecimal c : candidates(v, shortestLength(v))) {
            if (best == null) {
                best = c;
                continue;
            }
            int cmp = c.subtract(exact).abs().compareTo(best.subtract(exact).abs());
            if (cmp < 0 || cmp == 0 && c.unscaledValue().testBit(0) == false) {
                best = c;
            }
        }
        return best;
    }

    private static java.util.List<BigDecimal> candidates(double v, int n) {
        BigDecimal exact = new BigDecimal(v);
        java.util.List<BigDecimal> found = new java.util.ArrayList<>();
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal c = exact.round(new MathContext(n, mode));
            if (c.doubleValue() == v && !found.contains(c)) {
                found.add(c);
            }
        }
        return found;
    }
}
