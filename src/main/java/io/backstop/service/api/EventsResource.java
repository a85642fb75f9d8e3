package io.backstop.service.api;

import io.backstop.service.app.EventStream;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A vault's domain events as Server-Sent Events, each with {@code id:} (its outbox id) and {@code event:} (its
 * type); from the moment of subscription, or after the {@code Last-Event-ID} a reconnecting client sends: for
 * anyone without identities (who deposited, traded or changed the policy is nobody else's business), in full for
 * operators.
 */
@Tag(name = "Events", description = "A vault's domain events as Server-Sent Events")
@Path("/api/v1/vaults/{id}/events")
public class EventsResource {

    private final EventStream events;
    private final Sse sse;

    public EventsResource(EventStream events, @Context Sse sse) {
        this.events = events;
        this.sse = sse;
    }

    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The vault's events, without identities (SSE), resumable with Last-Event-ID")
    public Multi<OutboundSseEvent> stream(@PathParam("id") String vault,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId) {
        return published(vault, lastEventId).map(e -> event(e, e.publicJson()));
    }

    @GET
    @Path("/full")
    @RolesAllowed("operator")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The vault's events in full (SSE), resumable with Last-Event-ID")
    public Multi<OutboundSseEvent> full(@PathParam("id") String vault,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId) {
        return published(vault, lastEventId).map(e -> event(e, e.json()));
    }

    /** Live events, or, for a client reconnecting with {@code Last-Event-ID}, what it missed and then live. */
    private Multi<EventStream.Published> published(String vault, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return events.of(vault);
        }
        long after;
        try {
            after = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            after = -1;
        }
        if (after < 0) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "Last-Event-ID must be an event id this stream sent, "
                    + "was '" + Inputs.shown(lastEventId) + "'");
        }
        return events.resumed(vault, after);
    }

    /** An SSE event: {@code id:} the outbox id, {@code event:} the type, {@code data:} the JSON envelope. */
    private OutboundSseEvent event(EventStream.Published e, String data) {
        return sse.newEventBuilder().id(Long.toString(e.id())).name(e.type()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(data).build();
    }
}
