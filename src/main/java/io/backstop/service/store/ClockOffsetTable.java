package io.backstop.service.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The {@code service_clock} table: local mode's clock offset, one row shared by every instance. */
public final class ClockOffsetTable {

    private ClockOffsetTable() {
    }

    /** The offset in milliseconds. */
    public static Uni<Long> read() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT offset_ms FROM service_clock WHERE id = 1",
                Long.class).getSingleResult());
    }

    /** Adds to the offset and gives the new offset in milliseconds. */
    public static Uni<Long> advance(long millis) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE service_clock SET offset_ms = offset_ms + ?1 WHERE id = 1 RETURNING offset_ms", Long.class)
                .setParameter(1, millis).getSingleResult());
    }
}
