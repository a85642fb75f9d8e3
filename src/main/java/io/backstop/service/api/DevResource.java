package io.backstop.service.api;

import io.backstop.service.BackstopConfig;
import io.backstop.service.app.ServiceClock;
import io.backstop.service.app.SettlementRun;
import io.backstop.service.local.LocalMode;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Local mode's conveniences: tokens for any subject and roles, and a clock that moves on request. 404 otherwise. */
@Tag(name = "Local mode", description = "Dev tokens and the clock, in local mode only")
@Path("/api/v1/dev")
@PermitAll
@Cancellable(false)
public class DevResource {

    private static final Set<String> ROLES = Set.of("lp", "trader", "operator", "oracle");

    /** A token request. */
    public record TokenRequest(String subject, List<String> roles) {
    }

    /** A signed bearer token. */
    public record TokenResponse(String token) {
    }

    /** How far to move the clock, e.g. PT1H. */
    public record AdvanceRequest(String duration) {
    }

    private final BackstopConfig config;
    private final ServiceClock clock;
    private final SettlementRun settlement;

    public DevResource(BackstopConfig config, ServiceClock clock, SettlementRun settlement) {
        this.config = config;
        this.clock = clock;
        this.settlement = settlement;
    }

    @POST
    @Path("/tokens")
    @Operation(summary = "Sign a dev token for a subject and roles (local mode)")
    public TokenResponse token(TokenRequest request) {
        localOnly();
        Inputs.body(request);
        String subject = Inputs.text(request.subject(), "subject");
        if (request.roles() == null || request.roles().isEmpty() || !ROLES.containsAll(request.roles())) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "roles must be a non-empty subset of " + ROLES);
        }
        String token = Jwt.issuer(LocalMode.ISSUER).subject(subject).upn(subject).groups(Set.copyOf(request.roles()))
                .expiresIn(Duration.ofDays(1)).jws().sign(config.local().signingKey().orElseThrow(
                        () -> new IllegalStateException("local mode without backstop.local.signing-key")));
        return new TokenResponse(token);
    }

    /** Moves the clock and settles at once whatever expired in between. */
    @POST
    @Path("/clock/advance")
    @Operation(summary = "Move the clock forward (local mode)")
    public Uni<ClockResource.Now> advance(AdvanceRequest request) {
        localOnly();
        Inputs.body(request);
        return clock.advance(Inputs.duration(request.duration(), "duration"))
                .call(now -> settlement.settleDue(null))
                .map(ClockResource.Now::new);
    }

    private void localOnly() {
        if (!config.localMode()) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "dev endpoints exist only in local mode");
        }
    }
}
