package io.backstop.service.api;

import io.backstop.service.app.EventStream;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * A vault's domain events as Server-Sent Events, from the moment of subscription: for anyone without identities
 * (who deposited, traded or changed the policy is nobody else's business), in full for operators.
 */
@Tag(name = "Events", description = "A vault's domain events as Server-Sent Events")
@Path("/api/v1/vaults/{id}/events")
public class EventsResource {

    private final EventStream events;

    public EventsResource(EventStream events) {
        this.events = events;
    }

    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "The vault's events, without identities (SSE)")
    public Multi<String> stream(@PathParam("id") String vault) {
        return events.of(vault).map(EventStream.Published::publicJson);
    }

    @GET
    @Path("/full")
    @RolesAllowed("operator")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "The vault's events in full (SSE)")
    public Multi<String> full(@PathParam("id") String vault) {
        return events.of(vault).map(EventStream.Published::json);
    }
}
