package io.backstop.vault.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The expiries a simulated vault lists: weeklies every Friday and monthlies on the last Friday of each month, all
 * at 08:00 UTC, as the big options venues list them. Traders see the next {@link #WEEKLIES} weeklies and the next
 * {@link #MONTHLIES} monthlies that are still open for trading.
 */
final class ExpiryCalendar {

    static final int WEEKLIES = 4;
    static final int MONTHLIES = 3;
    static final long SECONDS_PER_DAY = 86_400;
    /** Every expiry is at 08:00 UTC, this many seconds into its day. */
    static final long EXPIRY_SECOND_OF_DAY = 8 * 3_600;

    private ExpiryCalendar() {
    }

    /** The next weekly expiries strictly later than {@code openAfter}. */
    static Instant[] weeklies(Instant openAfter) {
        Instant[] out = new Instant[WEEKLIES];
        LocalDate friday = date(openAfter).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        for (int i = 0; i < WEEKLIES; ) {
            Instant expiry = at0800(friday);
            if (expiry.isAfter(openAfter)) {
                out[i++] = expiry;
            }
            friday = friday.plusWeeks(1);
        }
        return out;
    }

    /** The next monthly expiries strictly later than {@code openAfter}. */
    static Instant[] monthlies(Instant openAfter) {
        Instant[] out = new Instant[MONTHLIES];
        LocalDate month = date(openAfter).withDayOfMonth(1);
        for (int i = 0; i < MONTHLIES; ) {
            Instant expiry = at0800(month.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)));
            if (expiry.isAfter(openAfter)) {
                out[i++] = expiry;
            }
            month = month.plusMonths(1);
        }
        return out;
    }

    // In epoch days and seconds: UTC has no transitions, and going through ZonedDateTime looked the zone's rules up
    // on every call, a fiftieth of a simulated path's time.
    private static LocalDate date(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY));
    }

    private static Instant at0800(LocalDate day) {
        return Instant.ofEpochSecond(day.toEpochDay() * SECONDS_PER_DAY + EXPIRY_SECOND_OF_DAY);
    }

}
