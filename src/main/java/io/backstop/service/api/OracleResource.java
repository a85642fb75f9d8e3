package io.backstop.service.api;

import io.backstop.service.app.ProtocolCommands;
import io.backstop.vault.ledger.Amount;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The oracle reports prices of underlyings; the oracle rules decide which are accepted. */
@Tag(name = "Oracle", description = "Price reports")
@Path("/api/v1/oracle/prices")
@Cancellable(false)
public class OracleResource {

    /** A reported price; timestamp defaults to now. */
    public record PriceReport(String underlying, BigDecimal price, String timestamp) {
    }

    /** An accepted price. */
    public record AcceptedPrice(String underlying, Amount price, Instant timestamp) {
    }

    private final ProtocolCommands commands;

    public OracleResource(ProtocolCommands commands) {
        this.commands = commands;
    }

    @POST
    @RolesAllowed("oracle")
    @Operation(summary = "Report a price")
    @APIResponse(responseCode = "201", description = "accepted",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AcceptedPrice.class)))
    public Uni<Response> report(PriceReport request) {
        Inputs.body(request);
        String underlying = Inputs.asset(request.underlying(), "underlying");
        // The sign is the oracle rules' to judge (422 invalid-price), not the input parser's.
        Amount price = Inputs.signedAmount(request.price(), "price");
        Instant at = request.timestamp() == null ? null : Inputs.instant(request.timestamp(), "timestamp");
        return commands.postPrice(underlying, price, at).map(p -> Response.status(201)
                .entity(new AcceptedPrice(underlying, p.price(), p.at())).build());
    }
}
