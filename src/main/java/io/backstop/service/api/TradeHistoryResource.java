package io.backstop.service.api;

import io.backstop.service.app.BookViews.TradePage;
import io.backstop.service.app.BookViews;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A trader's own history across vaults: buys and payouts, newest first, a page at a time. */
@Tag(name = "Trading", description = "Quotes, trades, positions and selling back")
@Path("/api/v1/trades")
@RolesAllowed("trader")
@Cancellable(false)
public class TradeHistoryResource {

    /** Most entries a page may hold. */
    static final int MAX_LIMIT = 200;

    private final BookViews views;
    private final SecurityIdentity identity;

    public TradeHistoryResource(BookViews views, SecurityIdentity identity) {
        this.views = views;
        this.identity = identity;
    }

    /**
     * A page of the caller's history: {@code limit} entries (1–200, default 50) after {@code cursor} (the
     * {@code next} of the page before; none for the first).
     */
    @GET
    @WithSession
    @Operation(summary = "Your buys, sales and payouts, a page at a time")
    public Uni<TradePage> trades(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Inputs.wholeNumber(limit, 50, "limit");
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "limit must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && (cursor.length() > 200 || Inputs.hasControlCharacter(cursor))) {
            throw new ApiProblem(ProblemType.INVALID_CURSOR, "cursor is not one this service gave");
        }
        return views.trades(identity.getPrincipal().getName(), cursor, size);
    }
}
