package io.backstop.service.api;

import io.backstop.service.app.ServiceClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;

/** The service's clock, which local mode can advance. */
@Path("/api/v1/clock")
public class ClockResource {

    /** Now on the service's clock. */
    public record Now(Instant now) {
    }

    private final ServiceClock clock;

    public ClockResource(ServiceClock clock) {
        this.clock = clock;
    }

    @GET
    @PermitAll
    public Now now() {
        return new Now(clock.now());
    }
}
