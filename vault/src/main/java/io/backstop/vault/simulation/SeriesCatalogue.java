package io.backstop.vault.simulation;

import io.backstop.pricing.OptionType;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.quote.OptionSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The series a worker thread's paths have asked for, each numbered and built once: an arrival finds its series'
 * number from its type, strike and expiry without building or hashing an {@link OptionSeries}, and a series' id,
 * built at its first sale, serves every later path of the thread. A path keeps its own books by these numbers.
 *
 * <p>It only grows, by the series traders can be sold: strikes on the grid within the moneyness bounds of the spots a
 * thread's paths reach, at the expiries listed over the horizon. A few thousand even for a long, wild scenario;
 * {@link #LIMIT} bounds it all the same: {@link #startPath} starts afresh past it.
 *
 * <p>Mutable and confined to one thread.
 */
final class SeriesCatalogue {

    /** Series kept before {@link #startPath} forgets them. */
    static final int LIMIT = 1 << 16;

    private final String underlying;
    private final String quoteCurrency;
    // Open addressing, linear probing, over a power-of-two table of numbers (−1 empty); the keys in number order.
    private int[] slots = emptySlots(1 << 10);
    private long[] strikes = new long[256];
    private long[] expiries = new long[256];
    private OptionSeries[] series = new OptionSeries[256];
    private int size;
    // One instant per expiry, shared by its series: a book's series of one expiry then compare theirs by identity
    // (ForwardTerms does so for every series it marks), and the traders' daily expiry lists are new instants.
    private final Map<Long, Instant> expiryInstants = new HashMap<>();

    /** An empty catalogue of series on a pair. */
    SeriesCatalogue(String underlying, String quoteCurrency) {
        this.underlying = underlying;
        this.quoteCurrency = quoteCurrency;
    }

    /** How many series are numbered: every number is below it. */
    int size() {
        return size;
    }

    /** The series with this number. */
    OptionSeries series(int number) {
        return series[number];
    }

    /** Called before each path, whose numbers stay valid to its end: empties the catalogue past {@link #LIMIT}. */
    void startPath() {
        if (size >= LIMIT) {
            slots = emptySlots(1 << 10);
            Arrays.fill(series, 0, size, null);
            expiryInstants.clear();
            size = 0;
        }
    }

    /**
     * The number of the series with this type, strike and expiry, which it numbers and builds on first sight.
     *
     * @param strikeUnits the strike in minor units, positive
     * @param expiry      a whole second
     */
    int numberOf(OptionType type, long strikeUnits, Instant expiry) {
        if (expiry.getNano() != 0) {
            throw new IllegalArgumentException("simulated expiries are whole seconds, was " + expiry);
        }
        long expirySecond = expiry.getEpochSecond();
        // The type goes into the key as the strike's lowest bit, so call and put of a strike are told apart.
        long key = strikeUnits << 1 | (type == OptionType.CALL ? 0 : 1);
        int mask = slots.length - 1;
        for (int slot = hash(key, expirySecond) & mask; ; slot = (slot + 1) & mask) {
            int number = slots[slot];
            if (number < 0) {
                return add(slot, type, strikeUnits, key, expiry);
            }
            if (strikes[number] == key && expiries[number] == expirySecond) {
                return number;
            }
        }
    }

    private int add(int slot, OptionType type, long strikeUnits, long key, Instant expiry) {
        // The key's shift would lose a strike's top bit and alias two strikes; OptionSeries refuses the rest.
        if (strikeUnits > Long.MAX_VALUE >> 1) {
            throw new IllegalArgumentException("strike must be below 2^62 minor units, was " + strikeUnits);
        }
        Instant shared = expiryInstants.computeIfAbsent(expiry.getEpochSecond(), second -> expiry);
        OptionSeries s = new OptionSeries(underlying, quoteCurrency, type, Amount.ofUnits(strikeUnits), shared);
        int number = size++;
        if (number == strikes.length) {
            strikes = Arrays.copyOf(strikes, 2 * number);
            expiries = Arrays.copyOf(expiries, 2 * number);
            series = Arrays.copyOf(series, 2 * number);
        }
        strikes[number] = key;
        expiries[number] = expiry.getEpochSecond();
        series[number] = s;
        slots[slot] = number;
        if (2 * size > slots.length) {
            rehash(2 * slots.length);
        }
        return number;
    }

    private void rehash(int capacity) {
        slots = emptySlots(capacity);
        int mask = capacity - 1;
        for (int number = 0; number < size; number++) {
            int slot = hash(strikes[number], expiries[number]) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = number;
        }
    }

    private static int hash(long key, long expirySecond) {
        // Strikes are multiples of the grid step and expiries of a day: multiplied by odd constants and folded, so
        // that the high bits the multiplication mixes reach the table's index.
        long h = key * 0x9E3779B97F4A7C15L + expirySecond * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ h >>> 29 ^ h >>> 47);
    }

    private static int[] emptySlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        return slots;
    }
}
