package io.backstop.vault.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.pricing.OptionType;
import io.backstop.vault.RejectionCode;
import io.backstop.vault.governance.VaultParameters;
import io.backstop.vault.ledger.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expiries listed at an instant are exactly those a sale may name then. */
class ListingRulesTest {

    private static final VaultParameters P = VaultParameters.defaults();

    @Test
    void theListedExpiriesAreEveryDaysEightOClockBetweenTheCutoffAndMaxExpiry() {
        Instant now = Instant.parse("2026-03-10T07:30:00Z"); // 30 minutes before today's expiry: within the cutoff
        List<Instant> listed = ListingRules.expiries(now, P);
        assertThat(listed.get(0)).isEqualTo(Instant.parse("2026-03-11T08:00:00Z"));
        assertThat(listed.get(listed.size() - 1)).isEqualTo(Instant.parse("2026-06-07T08:00:00Z"));
        assertThat(listed).hasSize(89);
        for (Instant expiry : listed) {
            assertThat(ListingRules.check(call(expiry), 2000, now, P)).as("%s", expiry).isEmpty();
        }
        assertThat(ListingRules.check(call(Instant.parse("2026-03-10T08:00:00Z")), 2000, now, P).get().code())
                .isEqualTo(RejectionCode.AFTER_CUTOFF);
        assertThat(ListingRules.check(call(Instant.parse("2026-06-08T08:00:00Z")), 2000, now, P).get().code())
                .isEqualTo(RejectionCode.NOT_LISTED);
        // An hour earlier, today's expiry is still open.
        assertThat(ListingRules.expiries(now.minus(Duration.ofHours(1)), P).get(0))
                .isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }

    private static OptionSeries call(Instant expiry) {
        return new OptionSeries("ETH", "USD", OptionType.CALL, Amount.parse("2000"), expiry);
    }
}
