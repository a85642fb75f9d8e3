package io.backstop.service.api;

import io.backstop.service.app.ServiceClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's clock, which local mode can advance. */
@Tag(name = "Clock", description = "The service's clock")
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
    @Operation(summary = "Now on the service's clock")
    public Now now() {
        return new Now(clock.now());
    }
}
