package io.backstop.vault.ledger;

/**
 * A number of option contracts with {@value #SCALE} decimals (one unit is 0.000001 contract).
 *
 * @param units the number of millionths of a contract
 */
public record Quantity(long units) implements Comparable<Quantity> {

    /** Decimals of a quantity. */
    public static final int SCALE = 6;
    /** Units per whole contract. */
    public static final long ONE = 1_000_000L;
    /** No contracts. */
    public static final Quantity ZERO = new Quantity(0);

    public static Quantity ofUnits(long units) {
        return new Quantity(units);
    }

    /** Whole or fractional contracts from decimal text, exactly. */
    public static Quantity parse(String text) {
        return new Quantity(Decimals.parse(text, SCALE, "quantity"));
    }

    public Quantity plus(Quantity that) {
        return new Quantity(Math.addExact(units, that.units));
    }

    public Quantity minus(Quantity that) {
        return new Quantity(Math.subtractExact(units, that.units));
    }

    public boolean isPositive() {
        return units > 0;
    }

    /** The number of contracts as a double, for pricing only. */
    public double toDouble() {
        return units / (double) ONE;
    }

    @Override
    public int compareTo(Quantity that) {
        return Long.compare(units, that.units);
    }

    @Override
    public String toString() {
        return Decimals.format(units, SCALE);
    }
}
