package io.backstop.service.api;

import io.backstop.service.app.BookViews;
import io.backstop.service.app.BookViews.PositionView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A trader's own positions across vaults. */
@Path("/api/v1/positions")
@RolesAllowed("trader")
@Cancellable(false)
public class PositionResource {

    private final BookViews views;
    private final SecurityIdentity identity;

    public PositionResource(BookViews views, SecurityIdentity identity) {
        this.views = views;
        this.identity = identity;
    }

    @GET
    @WithSession
    public Uni<List<PositionView>> positions() {
        return views.positions(identity.getPrincipal().getName());
    }
}
