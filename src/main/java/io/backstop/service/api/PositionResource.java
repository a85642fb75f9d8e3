package io.backstop.service.api;

import io.backstop.service.app.BookViews.PositionView;
import io.backstop.service.app.BookViews;
import io.backstop.service.app.BuybackCommands;
import io.backstop.service.app.Idempotency;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.Bid;
import io.backstop.vault.quote.BidBreakdown;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A trader's own positions across vaults, and selling them back to the pool before expiry. */
@Tag(name = "Trading", description = "Quotes, trades, positions and selling back")
@Path("/api/v1/positions")
@RolesAllowed("trader")
@Cancellable(false)
public class PositionResource {

    /** A request for the pool's bid for some of a position's contracts. */
    public record BidRequest(BigDecimal quantity) {
    }

    /** What the pool's bid is made of: the value less the spread and the fees the holder is charged. */
    public record BidItems(Amount spot, double iv, Amount theoretical, Amount spread, Amount fees,
            Amount bufferContribution) {
    }

    /** The pool's binding bid: what the holder receives for the contracts if they sell by {@code validUntil}. */
    public record BidResponse(String bidId, String positionId, String seriesId, Quantity quantity, Amount proceeds,
            Instant validUntil, BidItems breakdown) {
    }

    /**
     * A sale back to the pool accepting at least {@code minProceeds} (0: any): taking a bid ({@code bidId}), or at
     * the pool's bid now ({@code quantity} and no bid).
     */
    public record SaleRequest(String bidId, BigDecimal quantity, BigDecimal minProceeds) {
    }

    /** A sale back: the contracts sold, what the holder received and what the position still holds. */
    public record SaleResponse(String tradeId, String positionId, String seriesId, Quantity quantity,
            Amount proceeds, Amount fees, Quantity remaining) {
    }

    private final BookViews views;
    private final BuybackCommands buybacks;
    private final SecurityIdentity identity;

    public PositionResource(BookViews views, BuybackCommands buybacks, SecurityIdentity identity) {
        this.views = views;
        this.buybacks = buybacks;
        this.identity = identity;
    }

    @GET
    @WithSession
    @Operation(summary = "Your positions with marks, P&L and payouts")
    public Uni<List<PositionView>> positions() {
        return views.positions(identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/bids")
    @Operation(summary = "The pool's bid for some of your contracts")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = BidResponse.class)))
    public Uni<Response> bid(@PathParam("id") String position, BidRequest request) {
        Inputs.body(request);
        Quantity quantity = Inputs.quantity(request.quantity(), "quantity");
        return buybacks.bid(identity.getPrincipal().getName(), position, quantity)
                .map(bid -> Response.status(201).entity(view(bid)).build());
    }

    @POST
    @Path("/{id}/sales")
    @Operation(summary = "Sell contracts back to the pool, by bid or at market")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SaleResponse.class)))
    public Uni<Response> sell(@PathParam("id") String position, @HeaderParam(Idempotency.HEADER) String key,
            SaleRequest request) {
        Inputs.body(request);
        Idempotency.Request once = new Idempotency.Request(identity.getPrincipal().getName(), key, 201);
        if (request.bidId() != null && request.quantity() != null) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "a sale by bid names the bid only: the quantity is the "
                    + "bid's");
        }
        String bidId = request.bidId() == null ? null : Inputs.text(request.bidId(), "bidId");
        Quantity quantity = bidId == null ? Inputs.quantity(request.quantity(), "quantity") : null;
        Amount minProceeds = Inputs.nonNegativeAmount(request.minProceeds(), "minProceeds");
        return buybacks.sellBack(once, position, bidId, quantity, minProceeds, PositionResource::sold)
                .map(Answers::of);
    }

    private static SaleResponse sold(VaultEngine.BuybackResult r) {
        return new SaleResponse(r.tradeId(), r.position().id(), r.position().series(), r.quantity(),
                r.sale().proceeds(), r.sale().fees(), r.position().quantity());
    }

    private static BidResponse view(Bid bid) {
        BidBreakdown b = bid.breakdown();
        return new BidResponse(bid.id(), bid.position(), bid.series().id(), bid.quantity(), bid.proceeds(),
                bid.validUntil(), new BidItems(Amount.of(b.spot(), Rounding.DOWN), b.iv(), b.theoretical(),
                        b.spread(), b.fees(), b.bufferContribution()));
    }
}
