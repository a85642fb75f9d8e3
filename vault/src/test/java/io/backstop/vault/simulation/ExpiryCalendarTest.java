package io.backstop.vault.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryCalendarTest {

    @Test
    void weeklies_areTheNextFridaysAt0800Utc() {
        // Wednesday 2026-11-18, 12:30 UTC.
        assertThat(ExpiryCalendar.weeklies(Instant.parse("2026-11-18T12:30:00Z"))).containsExactly(
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-27T08:00:00Z"),
                Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-11T08:00:00Z"));
    }

    @Test
    void anExpiryOpenUntilTheInstantItselfIsNoLongerListed() {
        Instant fridayExpiry = Instant.parse("2026-11-20T08:00:00Z");
        assertThat(ExpiryCalendar.weeklies(fridayExpiry)[0]).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(ExpiryCalendar.weeklies(fridayExpiry.minusSeconds(1))[0]).isEqualTo(fridayExpiry);
    }

    @Test
    void monthlies_areTheLastFridaysOfTheNextMonthsAt0800Utc() {
        // November 2026's last Friday is the 27th; after it has expired, December's is the first listed.
        assertThat(ExpiryCalendar.monthlies(Instant.parse("2026-11-18T12:30:00Z"))).containsExactly(
                Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-12-25T08:00:00Z"),
                Instant.parse("2027-01-29T08:00:00Z"));
        assertThat(ExpiryCalendar.monthlies(Instant.parse("2026-11-27T08:00:00Z"))).containsExactly(
                Instant.parse("2026-12-25T08:00:00Z"), Instant.parse("2027-01-29T08:00:00Z"),
                Instant.parse("2027-02-26T08:00:00Z"));
    }

    @Test
    void daysBeforeTheEpochAreCountedDownwards() {
        // Wednesday 1969-12-31, 23:00 UTC: a negative epoch second still lies on the 31st.
        assertThat(ExpiryCalendar.weeklies(Instant.parse("1969-12-31T23:00:00Z"))[0])
                .isEqualTo(Instant.parse("1970-01-02T08:00:00Z"));
        assertThat(ExpiryCalendar.monthlies(Instant.parse("1969-12-31T23:00:00Z"))[0])
                .isEqualTo(Instant.parse("1970-01-30T08:00:00Z"));
    }
}
