package io.backstop.service.api;

import io.backstop.pricing.OptionType;
import io.backstop.service.app.Idempotency;
import io.backstop.service.app.TradingCommands;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.Quantity;
import io.backstop.vault.ledger.Rounding;
import io.backstop.vault.quote.Quote;
import io.backstop.vault.quote.QuoteBreakdown;
import io.backstop.vault.risk.RiskReceipt;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Traders: quotes, trades and their own positions. */
@Tag(name = "Trading", description = "Quotes, trades, positions and selling back")
@Path("/api/v1/vaults/{id}")
@RolesAllowed("trader")
@Cancellable(false)
public class TradingResource {

    /** A request for a quote. */
    public record QuoteRequest(String type, BigDecimal strike, String expiry, BigDecimal quantity) {
    }

    /** What the premium is made of. */
    public record Breakdown(Amount spot, double iv, Amount theoretical, Amount spread, Amount fees,
            Amount bufferContribution) {
    }

    /**
     * A binding quote, with its risk receipt: the fund's stress loss beyond LP capital, the buffer's coverage of it
     * (null when nothing is at risk) and the risk band, now and were this quote taken.
     */
    public record QuoteResponse(String quoteId, String seriesId, Quantity quantity, Amount premium,
            Instant validUntil, Breakdown breakdown, RiskReceipt riskReceipt) {
    }

    /**
     * A trade paying at most maxPremium: taking a quote ({@code quoteId}), or a market order ({@code type},
     * {@code strike}, {@code expiry}, {@code quantity} and no quote).
     */
    public record TradeRequest(String quoteId, BigDecimal maxPremium, String type, BigDecimal strike, String expiry,
            BigDecimal quantity) {

        boolean isMarketOrder() {
            return quoteId == null;
        }

        boolean namesASeries() {
            return type != null || strike != null || expiry != null || quantity != null;
        }
    }

    /** A trade. */
    public record TradeResponse(String tradeId, String seriesId, Amount premium, Quantity quantity) {
    }

    private final TradingCommands commands;
    private final SecurityIdentity identity;

    public TradingResource(TradingCommands commands, SecurityIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    @POST
    @Path("/quotes")
    @Operation(summary = "A binding quote with its risk receipt")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = QuoteResponse.class)))
    public Uni<Response> quote(@PathParam("id") String vault, QuoteRequest request) {
        Inputs.body(request);
        OptionType type = Inputs.optionType(request.type(), "type");
        Amount strike = Inputs.amount(request.strike(), "strike");
        Instant expiry = Inputs.instant(request.expiry(), "expiry");
        Quantity quantity = Inputs.quantity(request.quantity(), "quantity");
        String trader = identity.getPrincipal().getName();
        return commands.quote(vault, trader, type, strike, expiry, quantity)
                .map(q -> Response.status(201).entity(view(q)).build());
    }

    @POST
    @Path("/trades")
    @Operation(summary = "Buy: take a quote, or a market order")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = TradeResponse.class)))
    public Uni<Response> trade(@PathParam("id") String vault, @HeaderParam(Idempotency.HEADER) String key,
            TradeRequest request) {
        Inputs.body(request);
        Idempotency.Request once = new Idempotency.Request(identity.getPrincipal().getName(), key, 201);
        if (request.isMarketOrder()) {
            if (!request.namesASeries()) {
                throw new ApiProblem(ProblemType.MISSING_FIELD, "a trade takes a quote (quoteId) or is a market "
                        + "order (type, strike, expiry, quantity and maxPremium)");
            }
            OptionType type = Inputs.optionType(request.type(), "type");
            Amount strike = Inputs.amount(request.strike(), "strike");
            Instant expiry = Inputs.instant(request.expiry(), "expiry");
            Quantity quantity = Inputs.quantity(request.quantity(), "quantity");
            Amount maxPremium = Inputs.amount(request.maxPremium(), "maxPremium");
            return commands.buyAtMarket(once, vault, type, strike, expiry, quantity, maxPremium,
                    TradingResource::traded).map(Answers::of);
        }
        if (request.namesASeries()) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "a quote's trade names the quote only: type, strike, "
                    + "expiry and quantity are the quote's");
        }
        String quoteId = Inputs.text(request.quoteId(), "quoteId");
        Amount maxPremium = Inputs.amount(request.maxPremium(), "maxPremium");
        return commands.buy(once, vault, quoteId, maxPremium, TradingResource::traded).map(Answers::of);
    }

    private static TradeResponse traded(VaultEngine.TradeResult r) {
        return new TradeResponse(r.position().id(), r.position().series(), r.position().premium(),
                r.position().quantity());
    }

    private static QuoteResponse view(TradingCommands.QuoteGiven given) {
        Quote q = given.quote();
        QuoteBreakdown b = q.breakdown();
        return new QuoteResponse(q.id(), q.series().id(), q.quantity(), q.premium(), q.validUntil(),
                new Breakdown(Amount.of(b.spot(), Rounding.DOWN), b.iv(), b.theoretical(),
                        b.spread(), b.fees(), b.bufferContribution()), given.receipt());
    }
}
