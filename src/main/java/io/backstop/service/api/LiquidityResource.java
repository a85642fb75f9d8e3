package io.backstop.service.api;

import io.backstop.service.app.BookViews.AccountView;
import io.backstop.service.app.BookViews;
import io.backstop.service.app.Idempotency;
import io.backstop.service.app.LpCommands;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.shares.Shares;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** LP money in and out, and the LP's own account. */
@Tag(name = "Liquidity providers", description = "Deposits, withdrawals and the LP account")
@Path("/api/v1/vaults/{id}")
@RolesAllowed("lp")
@Cancellable(false)
public class LiquidityResource {

    /** A deposit of an amount of the quote currency. */
    public record DepositRequest(BigDecimal amount) {
    }

    /** Shares minted for a deposit at a share price. */
    public record DepositResponse(Shares shares, Amount amount, BigDecimal sharePrice) {
    }

    /** A redemption of shares. */
    public record WithdrawalRequest(BigDecimal shares) {
    }

    /** PAID, PARTIAL or QUEUED, the amount paid now and the shares left waiting. */
    public record WithdrawalResponse(String status, Amount amount, Shares burned, Shares queuedShares) {
    }

    private final LpCommands commands;
    private final BookViews views;
    private final SecurityIdentity identity;

    public LiquidityResource(LpCommands commands, BookViews views, SecurityIdentity identity) {
        this.commands = commands;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @Path("/deposits")
    @Operation(summary = "Deposit collateral for shares")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DepositResponse.class)))
    public Uni<Response> deposit(@PathParam("id") String vault, @HeaderParam(Idempotency.HEADER) String key,
            DepositRequest request) {
        Amount amount = Inputs.amount(Inputs.body(request).amount(), "amount");
        Idempotency.Request once = new Idempotency.Request(identity.getPrincipal().getName(), key, 201);
        return commands.deposit(once, vault, amount, r -> new DepositResponse(r.shares(), amount,
                r.price().perShare())).map(Answers::of);
    }

    @POST
    @Path("/withdrawals")
    @Operation(summary = "Redeem shares: paid, partly paid or queued")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WithdrawalResponse.class)))
    public Uni<Response> withdraw(@PathParam("id") String vault, @HeaderParam(Idempotency.HEADER) String key,
            WithdrawalRequest request) {
        Shares shares = Inputs.shares(Inputs.body(request).shares(), "shares");
        Idempotency.Request once = new Idempotency.Request(identity.getPrincipal().getName(), key, 201);
        return commands.withdraw(once, vault, shares, LiquidityResource::withdrawal).map(Answers::of);
    }

    /** What a cancellation gave back. */
    public record CancellationResponse(Shares cancelledShares, Shares shares) {
    }

    /**
     * Takes back whatever is still queued of the caller's withdrawals: the shares return to their account; 409
     * {@code nothing-queued} if nothing is. Repeating it changes nothing more.
     */
    @DELETE
    @Path("/withdrawals/queued")
    @Operation(summary = "Take back what is still queued")
    public Uni<CancellationResponse> cancelQueued(@PathParam("id") String vault) {
        return commands.cancelQueued(vault, identity.getPrincipal().getName())
                .map(r -> new CancellationResponse(r.cancelled(), r.account().shares()));
    }

    @GET
    @Path("/accounts/me")
    @WithSession
    @Operation(summary = "Your account: shares, queue, statement, history")
    public Uni<AccountView> me(@PathParam("id") String vault) {
        return views.account(vault, identity.getPrincipal().getName());
    }

    private static WithdrawalResponse withdrawal(VaultEngine.WithdrawalResult r) {
        return new WithdrawalResponse(r.status().name(), r.amount(), r.burned(), r.queuedShares());
    }
}
