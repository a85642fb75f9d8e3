package io.backstop.vault.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void parse_isExactAndRejectsMoreDecimalsThanTheScale() {
        assertThat(Amount.parse("2000").units()).isEqualTo(2_000_000_000L);
        assertThat(Amount.parse("0.000001").units()).isEqualTo(1);
        assertThat(Amount.parse("12.345600").units()).isEqualTo(12_345_600);
        assertThat(Amount.parse("-1.5").units()).isEqualTo(-1_500_000);
        assertThatThrownBy(() -> Amount.parse("0.0000001")).hasMessage("amount has more than 6 decimals: 0.0000001");
        assertThatThrownBy(() -> Amount.parse("1e30")).hasMessage("amount is too large: 1e30");
        assertThatThrownBy(() -> Amount.parse("12,5")).hasMessage("amount is not a decimal number: \"12,5\"");
        assertThat(Amount.parse("0.10").toString()).isEqualTo("0.1");
    }

    @Test
    void arithmetic_isOverflowChecked() {
        Amount max = Amount.ofUnits(Long.MAX_VALUE);
        assertThatThrownBy(() -> max.plus(Amount.ofUnits(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Amount.ofUnits(Long.MIN_VALUE).minus(Amount.ofUnits(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rounding_isExactEvenWhereTheDoubleProductLooksWhole() {
        // 0.1 is slightly above 1/10, so 0.1 × 10 is exactly 1.000000000000000055…: up gives 2, down gives 1.
        assertThat(Rounding.UP.product(0.1, 10)).isEqualTo(2);
        assertThat(Rounding.DOWN.product(0.1, 10)).isEqualTo(1);
        // 0.3 is slightly below 3/10: 0.3 × 10 = 2.99999999999999988898…
        assertThat(Rounding.UP.product(0.3, 10)).isEqualTo(3);
        assertThat(Rounding.DOWN.product(0.3, 10)).isEqualTo(2);
        assertThat(Rounding.UP.product(0.5, 3)).isEqualTo(2);
        assertThat(Rounding.DOWN.product(0.5, 3)).isEqualTo(1);
        assertThat(Rounding.UP.divide(7, 2)).isEqualTo(4);
        assertThat(Rounding.DOWN.divide(-7, 2)).isEqualTo(-4);
        // Past 64 bits: (2⁶² − 1)·5/3 = 7686143364045646505 exactly, and ·5/7 leaves a remainder.
        assertThat(Amount.mulDiv(Long.MAX_VALUE / 2, 5, 3, Rounding.UP)).isEqualTo(7686143364045646505L);
        assertThat(Amount.mulDiv(Long.MAX_VALUE / 2, 5, 7, Rounding.DOWN)).isEqualTo(3294061441733848502L);
        assertThat(Amount.mulDiv(Long.MAX_VALUE / 2, 5, 7, Rounding.UP)).isEqualTo(3294061441733848503L);
        // A rate given as a decimal is that decimal: 10% of 5500 is 550, not 550.0000000000000305…
        assertThat(Amount.parse("5500").times(0.1, Rounding.UP)).isEqualTo(Amount.parse("550"));
    }

    @Test
    void mulDiv_pastSixtyThreeBits_isTheExactQuotientRoundedAsAsked() {
        // Random operands of every bit length, so products land below, across and far above 2⁶³, against BigInteger.
        SplittableRandom random = new SplittableRandom(20261121);
        for (int i = 0; i < 200_000; i++) {
            long a = random.nextLong() >>> random.nextInt(1, 64);
            long b = random.nextLong() >>> random.nextInt(1, 64);
            long c = Math.max(random.nextLong() >>> random.nextInt(1, 64), 1);
            for (Rounding rounding : Rounding.values()) {
                BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                        .divideAndRemainder(BigInteger.valueOf(c));
                BigInteger exact = rounding == Rounding.UP && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
                if (exact.bitLength() < 64) {
                    assertThat(Amount.mulDiv(a, b, c, rounding)).as("%d·%d/%d %s", a, b, c, rounding)
                            .isEqualTo(exact.longValueExact());
                } else {
                    assertThatThrownBy(() -> Amount.mulDiv(a, b, c, rounding)).isInstanceOf(ArithmeticException.class);
                }
            }
        }
    }

    @Test
    void divideUnsigned_isTheQuotientOfTheFull128Bits() {
        SplittableRandom random = new SplittableRandom(7);
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < 200_000; i++) {
            long d = random.nextLong() >>> random.nextInt(0, 64); // the top bit set too: a divisor needing no shift
            d = d == 0 ? 1 : d;
            long high = Long.remainderUnsigned(random.nextLong() >>> random.nextInt(0, 64), d);
            long low = random.nextLong();
            BigInteger dividend = new BigInteger(Long.toUnsignedString(high)).shiftLeft(64)
                    .add(new BigInteger(Long.toUnsignedString(low)));
            BigInteger expected = dividend.divide(new BigInteger(Long.toUnsignedString(d)));
            assertThat(new BigInteger(Long.toUnsignedString(Amount.divideUnsigned(high, low, d))))
                    .as("(%s:%s)/%s", Long.toUnsignedString(high), Long.toUnsignedString(low), Long.toUnsignedString(d))
                    .isEqualTo(expected).isLessThan(twoTo64);
        }
    }

    @Test
    void journalEntry_refusesToBeUnbalanced() {
        assertThatThrownBy(() -> JournalEntry.builder("v", Instant.EPOCH, "bad").debit(Account.CASH, Amount.ofUnits(2))
                .credit(Account.LP_FREE, Amount.ofUnits(1)).build())
                .hasMessageContaining("unbalanced journal entry bad: debits 2 credits 1");
    }

    @Test
    void transfer_isTheTwoLineEntryTheBuilderGives() {
        Amount amount = Amount.parse("12.5");
        Account locked = Account.locked("ETH-USD-20260112T08Z-2000-P");
        assertThat(JournalEntry.transfer("v", Instant.EPOCH, "lock", Account.LP_FREE, locked, amount))
                .isEqualTo(JournalEntry.builder("v", Instant.EPOCH, "lock").debit(Account.LP_FREE, amount)
                        .credit(locked, amount).build());
        assertThatThrownBy(() -> JournalEntry.transfer("v", Instant.EPOCH, "none", Account.CASH, Account.BUFFER,
                Amount.ZERO)).hasMessage("a posting moves a positive amount, was 0");
        // Zero is a value, not an instance: amounts that come out zero equal ZERO.
        assertThat(Amount.ofUnits(5).minus(Amount.ofUnits(5))).isEqualTo(Amount.ZERO);
    }
}
