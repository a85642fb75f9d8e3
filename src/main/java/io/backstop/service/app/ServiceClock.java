package io.backstop.service.app;

import io.backstop.service.BackstopConfig;
import io.backstop.service.store.ClockOffsetTable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's clock: the system clock, plus in local mode an offset that {@code POST /api/v1/dev/clock/advance}
 * moves forward. The offset lives in the database ({@code service_clock}); {@link #refresh()} reloads it, and
 * every command reads {@link #now()} once. The offset only ever grows, so this instance keeps the largest it has
 * seen: a reload whose read raced an advance must not set the clock back, or a price posted in that moment would be
 * stamped minutes early.
 */
@ApplicationScoped
public class ServiceClock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final BackstopConfig config;

    public ServiceClock(BackstopConfig config) {
        this.config = config;
    }

    /** Now, on the service's clock. */
    public Instant now() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    /** Reloads the offset from the database. */
    public Uni<Void> refresh() {
        if (!config.localMode()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(ClockOffsetTable::read).invoke(this::adopt).replaceWithVoid();
    }

    /**
     * Moves local mode's clock forward.
     *
     * @throws CommandRefused {@code invalid-duration} for a duration that is not positive or longer than 366 days
     */
    public Uni<Instant> advance(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(366)) > 0) {
            throw CommandRefused.of(Refusal.INVALID_DURATION, "duration must be positive and at most 366 days, was "
                    + duration);
        }
        return Panache.withTransaction(() -> ClockOffsetTable.advance(duration.toMillis()))
                .invoke(this::adopt).map(ignored -> now());
    }

    private void adopt(long offset) {
        offsetMillis.accumulateAndGet(offset, Math::max);
    }
}
