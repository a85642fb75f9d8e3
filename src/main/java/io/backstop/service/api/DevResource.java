package io.backstop.service.api;

import io.backstop.service.BackstopConfig;
import io.backstop.service.app.ServiceClock;
import io.backstop.service.app.SettlementRun;
import io.backstop.service.local.LocalMode;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Local mode's conveniences: tokens for any subject and roles, and a clock that moves on request. 404 otherwise. */
@jakarta.ws.rs.Path("/api/v1/dev")
@PermitAll
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
    @jakarta.ws.rs.Path("/tokens")
    public TokenResponse token(TokenRequest request) {
        localOnly();
        LiquidityResource.body(request);
        String subject = Inputs.text(request.subject(), "subject");
        if (request.roles() == null || request.roles().isEmpty() || !ROLES.containsAll(request.roles())) {
            throw ApiProblem.badRequest("invalid-field", "roles must be a non-empty subset of " + ROLES);
        }
        String token = Jwt.issuer(LocalMode.ISSUER).subject(subject).upn(subject).groups(Set.copyOf(request.roles()))
                .expiresIn(Duration.ofDays(1)).jws().sign(signingKey());
        return new TokenResponse(token);
    }

    /** Moves the clock and settles at once whatever expired in between. */
    @POST
    @jakarta.ws.rs.Path("/clock/advance")
    public Uni<ClockResource.Now> advance(AdvanceRequest request) {
        localOnly();
        LiquidityResource.body(request);
        return clock.advance(Inputs.duration(request.duration(), "duration"))
                .call(now -> settlement.settleDue(null))
                .map(ClockResource.Now::new);
    }

    private void localOnly() {
        if (!config.localMode()) {
            throw ApiProblem.notFound("dev endpoints exist only in local mode");
        }
    }

    private PrivateKey signingKey() {
        String file = config.local().signingKey()
                .orElseThrow(() -> new IllegalStateException("local mode without backstop.local.signing-key"));
        try {
            String pem = Files.readString(Path.of(file)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("unreadable signing key " + file, e);
        }
    }
}
