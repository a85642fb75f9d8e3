package io.backstop.service.api;

import io.backstop.service.app.BookViews.SeriesPage;
import io.backstop.service.app.BookViews.SettlementPage;
import io.backstop.service.app.BookViews.SettlementView;
import io.backstop.service.app.BookViews;
import io.backstop.service.app.SettlementRun;
import io.backstop.service.app.VaultViews;
import io.backstop.vault.ledger.Amount;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A vault's option book: its series with marks, and its settlements. */
@Tag(name = "Series and settlements", description = "Options series, expiry settlement and its reports")
@Path("/api/v1/vaults/{id}")
@Cancellable(false)
public class BookResource {

    /** An operator's retry: what settled and what is still pending. */
    public record AttemptView(String seriesId, String status, String pendingReason, SettlementView settlement) {
    }

    /** An operator's price for a series the oracle could not price, and why. */
    public record ForcedSettlementRequest(BigDecimal price, String reason) {
    }

    private final BookViews views;
    private final VaultViews vaults;
    private final SettlementRun settlement;
    private final SecurityIdentity identity;

    public BookResource(BookViews views, VaultViews vaults, SettlementRun settlement, SecurityIdentity identity) {
        this.views = views;
        this.vaults = vaults;
        this.settlement = settlement;
        this.identity = identity;
    }

    /** The expiries the vault lists now, from the first before the trading cutoff to the last within maxExpiry. */
    @GET
    @Path("/expiries")
    @PermitAll
    @WithSession
    @Operation(summary = "The expiries the vault lists now")
    public Uni<VaultViews.ExpiriesView> expiries(@PathParam("id") String vault) {
        return vaults.expiries(vault);
    }

    /**
     * The vault's series expiring from {@code from} to {@code to}, in expiry order, a page at a time
     * ({@link PageRequest}).
     */
    @GET
    @Path("/series")
    @PermitAll
    @WithSession
    @Operation(summary = "The vault's series, a page at a time")
    public Uni<SeriesPage> series(@PathParam("id") String vault, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(from, to, limit, cursor);
        return views.series(vault, page.from(), page.to(), page.cursor(), page.limit());
    }

    /** The same page as CSV ({@code Accept: text/csv}): a header line, then one line per series. */
    @GET
    @Path("/series")
    @PermitAll
    @WithSession
    @Produces("text/csv")
    @Operation(summary = "The vault's series as CSV")
    public Uni<Response> seriesCsv(@PathParam("id") String vault, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo request) {
        return series(vault, from, to, limit, cursor).map(page -> {
            CsvTable csv = new CsvTable(List.of("seriesId", "type", "strike", "expiry", "openInterest", "locked",
                    "status", "mark", "iv", "settlementPrice", "pendingReason"));
            page.series().forEach(s -> csv.row(Arrays.asList(s.seriesId(), s.type(), s.strike(), s.expiry(),
                    s.openInterest(), s.locked(), s.status(), s.mark(), s.iv(), s.settlementPrice(),
                    s.pendingReason())));
            return csv.response(request, page.next());
        });
    }

    /**
     * The vault's settlement reports made from {@code from} to {@code to}, oldest first, a page at a time
     * ({@link PageRequest}).
     */
    @GET
    @Path("/settlements")
    @PermitAll
    @WithSession
    @Operation(summary = "Settlement reports, a page at a time")
    public Uni<SettlementPage> settlements(@PathParam("id") String vault, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(from, to, limit, cursor);
        return views.settlements(vault, page.from(), page.to(), page.cursor(), page.limit());
    }

    /** The same page as CSV ({@code Accept: text/csv}): a header line, then one line per series settled. */
    @GET
    @Path("/settlements")
    @PermitAll
    @WithSession
    @Produces("text/csv")
    @Operation(summary = "Settlement reports as CSV")
    public Uni<Response> settlementsCsv(@PathParam("id") String vault, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo request) {
        return settlements(vault, from, to, limit, cursor).map(page -> {
            CsvTable csv = new CsvTable(List.of("seriesId", "price", "claims", "paid", "fromLocked", "fromLpCapital",
                    "fromBuffer", "socialisedLoss", "payoutRatio", "settledAt", "forcedReason"));
            page.settlements().forEach(r -> csv.row(Arrays.asList(r.seriesId(), r.price(), r.claims(), r.paid(),
                    r.fromLocked(), r.fromLpCapital(), r.fromBuffer(), r.socialisedLoss(), r.payoutRatio(),
                    r.settledAt(), r.forcedReason())));
            return csv.response(request, page.next());
        });
    }

    @POST
    @Path("/settlements")
    @RolesAllowed("operator")
    @Operation(summary = "Settle every expired series now")
    public Uni<List<AttemptView>> retry(@PathParam("id") String vault) {
        return settlement.retry(vault).map(attempts -> attempts.stream().map(BookResource::attempt).toList());
    }

    /**
     * The way out for a series the oracle could not price: from the vault's {@code forcedSettlementGrace} after
     * expiry, an operator settles it at a price within the range of the oracle's accepted prices around expiry, with
     * a reason that goes on the settlement report and the {@code SeriesForceSettled} event.
     */
    @POST
    @Path("/series/{seriesId}/forced-settlement")
    @RolesAllowed("operator")
    @Operation(summary = "Settle a series the oracle cannot price, at an operator's price")
    public Uni<AttemptView> force(@PathParam("id") String vault, @PathParam("seriesId") String seriesId,
            ForcedSettlementRequest request) {
        ForcedSettlementRequest body = Inputs.body(request);
        Amount price = Inputs.amount(body.price(), "price");
        String reason = Inputs.text(body.reason(), "reason");
        return settlement.force(vault, seriesId, price, reason, identity.getPrincipal().getName())
                .map(a -> forced(attempt(a), reason));
    }

    /** The report as {@code GET …/settlements} will show it, with the operator's reason. */
    private static AttemptView forced(AttemptView a, String reason) {
        SettlementView r = a.settlement();
        return new AttemptView(a.seriesId(), a.status(), a.pendingReason(), new SettlementView(r.seriesId(), r.price(),
                r.claims(), r.paid(), r.fromLocked(), r.fromLpCapital(), r.fromBuffer(), r.socialisedLoss(),
                r.payoutRatio(), r.settledAt(), reason));
    }

    private static AttemptView attempt(SettlementRun.Attempt a) {
        SettlementView report = a.report() == null ? null : BookViews.settlement(a.report());
        return new AttemptView(a.series(), a.report() == null ? "PENDING" : "SETTLED", a.pendingReason(), report);
    }
}
