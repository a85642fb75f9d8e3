package io.backstop.pricing.cli;

import java.math.BigInteger;

/**
 * Writes a double as the shortest decimal that reads back to the same double, choosing the closest such decimal
 * when there are several: Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render doubles",
 * 2020), which JDK 19 adopted for {@code Double.toString}. The JDK 17 we target still prints one digit too many
 * for some values (JDK-4511638) and allocates a string per call; this writes ASCII bytes into a caller's buffer.
 *
 * <p>Layout follows {@code Double.toString}: plain notation for 10⁻³ ≤ |v| &lt; 10⁷ with at least one digit after
 * the point ({@code 2000.0}, {@code 0.0123}), otherwise computerised scientific notation ({@code 1.0E-50},
 * {@code 2.5E7}). Negative zero prints as {@code 0.0}. Unlike the JDK, the smallest subnormal prints as
 * {@code 5.0E-324}, which is shorter than {@code 4.9E-324} and reads back the same.
 */
final class ShortestDecimal {

    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << (P - 1);
    private static final int BQ_MASK = 0x7FF;
    private static final long T_MASK = (1L << (P - 1)) - 1;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** Significant digits the significand is scaled to before printing. */
    private static final int H = 17;

    /** g = floor(10^−k·2^−r) + 1 with 2^125 ≤ g &lt; 2^126, split as g1·2^63 + g0. */
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];
    private static final long[] POW10 = new long[H + 2];
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger g;
            if (k <= 0) {
                BigInteger n = BigInteger.TEN.pow(-k);
                int shift = n.bitLength() - 126;
                g = (shift >= 0 ? n.shiftRight(shift) : n.shiftLeft(-shift)).add(BigInteger.ONE);
            } else {
                BigInteger d = BigInteger.TEN.pow(k);
                g = BigInteger.ONE.shiftLeft(125 + d.bitLength()).divide(d).add(BigInteger.ONE);
            }
            G1[k - K_MIN] = g.shiftRight(63).longValueExact();
            G0[k - K_MIN] = g.and(mask63).longValueExact();
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private ShortestDecimal() {
    }

    /**
     * Writes v at {@code buffer[at]}, which must have room for 26 bytes.
     *
     * @param v      the value
     * @param buffer the destination
     * @param at     where to start writing
     * @return the index after the last byte written
     */
    static int write(double v, byte[] buffer, int at) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> (P - 1)) & BQ_MASK;
        if (bq == BQ_MASK) {
            return ascii(t != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", buffer, at);
        }
        if (bits < 0 && (bits & Long.MAX_VALUE) != 0) {
            buffer[at++] = '-';
        }
        if (bq != 0) {
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            if (0 < mq && mq < P) {
                long f = c >> mq;
                if (f << mq == c) {
                    return digits(f, 0, buffer, at); // an integer below 2^53: its own digits are shortest
                }
            }
            return toDecimal(-mq, c, buffer, at);
        }
        if (t != 0) {
            // Subnormal. The JDK scales the two smallest by ten to print 4.9E-324 for compatibility;
            // the shortest decimal that reads back is 5.0E-324, so that is what we print.
            return toDecimal(Q_MIN, t, buffer, at);
        }
        return ascii("0.0", buffer, at);
    }

    /** Figure 7 of the paper, with the efficient computations of its figure 9. */
    private static int toDecimal(int q, long c, byte[] buffer, int at) {
        int out = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            cbl = cb - 1; // the gap below a power of two is half the gap above it
            k = floorLog10ThreeQuartersPow2(q);
        }
        int h = q + floorLog2Pow10(-k) + 2;
        long g1 = G1[k - K_MIN];
        long g0 = G0[k - K_MIN];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);
        long s = vb >> 2;
        // The paper needs s ≥ 100 only because Java insists on two digits; the smallest subnormals have
        // s < 100 and may still have a one-digit form (8.0E-323), which this finds too.
        if (s >= 10) {
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4); // 10·floor(s/10)
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return digits(upin ? sp10 : tp10, k, buffer, at);
            }
        }
        long u = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (u << 2) + out <= vbr;
        if (uin != win) {
            return digits(uin ? s : u, k, buffer, at);
        }
        long cmp = vb - ((s + u) << 1);
        return digits(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : u, k, buffer, at);
    }

    /** floor(g·cp / 2^127), with the lowest bit set when the division was inexact (round to odd). */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (((z & MASK_63) + MASK_63) >>> 63);
    }

    static int floorLog10Pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    static int floorLog10ThreeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** Prints f·10^e, f &gt; 0, dropping f's trailing zeros. */
    private static int digits(long f, int e, byte[] buffer, int at) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int len = 1;
        while (len < POW10.length && f >= POW10[len]) {
            len++;
        }
        int exponent = e + len - 1; // v = d.ddd × 10^exponent
        if (exponent >= -3 && exponent < 7) {
            if (e >= 0) {
                at = integerDigits(f, len, buffer, at);
                for (int i = 0; i < e; i++) {
                    buffer[at++] = '0';
                }
                buffer[at++] = '.';
                buffer[at++] = '0';
                return at;
            }
            int intLen = len + e; // digits before the point
            if (intLen > 0) {
                long scale = POW10[-e];
                at = integerDigits(f / scale, intLen, buffer, at);
                buffer[at++] = '.';
                return integerDigits(f % scale, -e, buffer, at);
            }
            buffer[at++] = '0';
            buffer[at++] = '.';
            for (int i = 0; i < -intLen; i++) {
                buffer[at++] = '0';
            }
            return integerDigits(f, len, buffer, at);
        }
        int start = at;
        at = integerDigits(f, len, buffer, at + 1);
        buffer[start] = buffer[start + 1];
        buffer[start + 1] = '.';
        if (len == 1) {
            buffer[at++] = '0';
        }
        buffer[at++] = 'E';
        if (exponent < 0) {
            buffer[at++] = '-';
            exponent = -exponent;
        }
        if (exponent >= 100) {
            buffer[at++] = (byte) ('0' + exponent / 100);
            exponent %= 100;
            buffer[at++] = (byte) ('0' + exponent / 10);
        } else if (exponent >= 10) {
            buffer[at++] = (byte) ('0' + exponent / 10);
        }
        buffer[at++] = (byte) ('0' + exponent % 10);
        return at;
    }

    /**
     * Writes f as exactly len digits (zero-padded on the left) ending at at + len: two at a time from int halves,
     * long division being dear.
     */
    private static int integerDigits(long f, int len, byte[] buffer, int at) {
        int end = at + len;
        int i = end;
        while (f >= 100_000_000) {
            int low = (int) (f % 100_000_000);
            f /= 100_000_000;
            for (int k = 0; k < 4; k++) {
                int pair = (low % 100) << 1;
                low /= 100;
                buffer[--i] = DIGIT_PAIRS[pair + 1];
                buffer[--i] = DIGIT_PAIRS[pair];
            }
        }
        int v = (int) f;
        while (v >= 100) {
            int pair = (v % 100) << 1;
            v /= 100;
            buffer[--i] = DIGIT_PAIRS[pair + 1];
            buffer[--i] = DIGIT_PAIRS[pair];
        }
        if (v >= 10) {
            buffer[--i] = DIGIT_PAIRS[(v << 1) + 1];
            buffer[--i] = DIGIT_PAIRS[v << 1];
        } else {
            buffer[--i] = (byte) ('0' + v);
        }
        while (i > at) {
            buffer[--i] = '0'; // leading zeros of a fraction part such as the 05 of 1.05
        }
        return end;
    }

    private static int ascii(String text, byte[] buffer, int at) {
        for (int i = 0; i < text.length(); i++) {
            buffer[at++] = (byte) text.charAt(i);
        }
        return at;
    }
}
