package io.backstop.service.api;

import io.backstop.service.app.BookViews;
import io.backstop.service.app.BookViews.SeriesView;
import io.backstop.service.app.BookViews.SettlementView;
import io.backstop.service.app.SettlementRun;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A vault's option book: its series with marks, and its settlements. */
@Path("/api/v1/vaults/{id}")
@Cancellable(false)
public class BookResource {

    /** An operator's retry: what settled and what is still pending. */
    public record AttemptView(String seriesId, String status, String pendingReason, SettlementView settlement) {
    }

    private final BookViews views;
    private final SettlementRun settlement;

    public BookResource(BookViews views, SettlementRun settlement) {
        this.views = views;
        this.settlement = settlement;
    }

    @GET
    @Path("/series")
    @PermitAll
    @WithSession
    public Uni<List<SeriesView>> series(@PathParam("id") String vault) {
        return views.series(vault);
    }

    @GET
    @Path("/settlements")
    @PermitAll
    @WithSession
    public Uni<List<SettlementView>> settlements(@PathParam("id") String vault) {
        return views.settlements(vault);
    }

    @POST
    @Path("/settlements")
    @RolesAllowed("operator")
    public Uni<List<AttemptView>> retry(@PathParam("id") String vault) {
        return settlement.retry(vault).map(attempts -> attempts.stream().map(a -> new AttemptView(a.series(),
                a.report() == null ? "PENDING" : "SETTLED", a.pendingReason(),
                a.report() == null ? null : BookViews.settlement(a.report()))).toList());
    }
}
