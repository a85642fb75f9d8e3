package io.backstop.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.backstop.service.app.BufferSizingRun;
import io.backstop.service.app.Idempotency;
import io.backstop.service.app.PolicyPreview;
import io.backstop.service.app.ProtocolCommands;
import io.backstop.service.app.ServiceClock;
import io.backstop.service.app.VaultViews;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.simulation.Comparison;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The insurance buffer: its state and history (public), its policy and top-ups (protocol team). */
@Tag(name = "Insurance fund", description = "The insurance buffer: its record, policy, what-if previews, sizing, "
        + "top-ups")
@Path("/api/v1/vaults/{id}/buffer")
@Cancellable(false)
public class BufferResource {

    /** New money for the buffer. */
    public record TopUpRequest(BigDecimal amount) {
    }

    /** The buffer after a top-up. */
    public record TopUpResponse(Amount amount, Amount balance) {
    }

    /** Most paths a preview may ask for: it runs inside the request. */
    public static final int MAX_PREVIEW_PATHS = 5_000;

    /** Most paths a sizing may ask for: it runs inside the request, on a worker thread. */
    public static final int MAX_SIZING_PATHS = 20_000;

    private final ProtocolCommands commands;
    private final VaultViews views;
    private final PolicyPreview preview;
    private final SecurityIdentity identity;
    private final BufferSizingRun sizing;
    private final ServiceClock clock;

    public BufferResource(ProtocolCommands commands, VaultViews views, PolicyPreview preview,
            SecurityIdentity identity, BufferSizingRun sizing, ServiceClock clock) {
        this.sizing = sizing;
        this.clock = clock;
        this.commands = commands;
        this.views = views;
        this.preview = preview;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "The insurance buffer: balance, coverage, band, policy, sizing")
    public Uni<VaultViews.BufferView> buffer(@PathParam("id") String vault) {
        return views.buffer(vault);
    }

    /**
     * The buffer's public record, as exchanges publish their insurance funds': its movements from {@code from} to
     * {@code to} (ISO-8601 instants, both optional), {@code limit} at a time (1–1000, default 100) after
     * {@code cursor} (the {@code next} of the page before), each draw naming its settlement, and the closing balance
     * of each day the page covers.
     */
    @GET
    @Path("/history")
    @PermitAll
    @WithSession
    @Operation(summary = "The buffer's public record, a page at a time")
    public Uni<VaultViews.BufferHistoryPage> history(@PathParam("id") String vault, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(from, to, limit, cursor);
        return views.bufferHistory(vault, page.from(), page.to(), after(page.cursor()), page.limit());
    }

    /** The same page as CSV ({@code Accept: text/csv}): one line per movement. */
    @GET
    @Path("/history")
    @PermitAll
    @WithSession
    @Produces("text/csv")
    @Operation(summary = "The buffer's public record as CSV")
    public Uni<Response> historyCsv(@PathParam("id") String vault, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo request) {
        return history(vault, from, to, limit, cursor).map(page -> {
            CsvTable csv = new CsvTable(List.of("id", "at", "memo", "change", "balance", "settlement"));
            page.movements().forEach(m -> csv.row(Arrays.asList(m.id(), m.at(), m.memo(), m.change(), m.balance(),
                    m.settlement())));
            return csv.response(request, page.next());
        });
    }

    private static long after(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long id = Long.parseLong(cursor);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiProblem(ProblemType.INVALID_CURSOR, "cursor is not one this service gave");
    }

    @PUT
    @Path("/policy")
    @RolesAllowed("operator")
    @Operation(summary = "Change the buffer and risk policy within its bounds, with a reason")
    public Uni<Map<String, Object>> changePolicy(@PathParam("id") String vault, Map<String, JsonNode> request) {
        Map<String, JsonNode> body = new LinkedHashMap<>(Inputs.body(request));
        JsonNode given = body.remove("reason");
        if (given == null || given.isNull() || given.asText().isBlank()) {
            throw new ApiProblem(ProblemType.MISSING_FIELD, "reason is required: the audit trail records why");
        }
        String reason = Inputs.text(given.asText(), "reason");
        Map<String, String> changes = VaultResource.parameterText(body);
        if (changes.isEmpty()) {
            throw new ApiProblem(ProblemType.MISSING_FIELD, "no parameter to change");
        }
        String operator = identity.getPrincipal().getName();
        return commands.changePolicy(vault, changes, reason, operator)
                .map(VaultViews::policy);
    }

    @POST
    @Path("/policy/preview")
    @RolesAllowed("operator")
    @Operation(summary = "Preview a policy change by simulation on the current book")
    public Uni<Comparison> preview(@PathParam("id") String vault, Map<String, JsonNode> request) {
        Map<String, String> changes = VaultResource.parameterText(Inputs.body(request));
        int paths = Inputs.wholeNumber(changes.remove("paths"), 1000, "paths");
        int horizon = Inputs.wholeNumber(changes.remove("horizonDays"), 30, "horizonDays");
        long seed = Inputs.wholeNumber(changes.remove("seed"), 1, "seed");
        if (paths < 100 || paths > MAX_PREVIEW_PATHS) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "paths must be between 100 and " + MAX_PREVIEW_PATHS);
        }
        if (horizon < 1 || horizon > 365) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "horizonDays must be between 1 and 365");
        }
        return preview.compare(vault, changes, paths, horizon, seed);
    }

    /**
     * Sizes the buffer by simulation now, on the vault as it stands: {@code paths} (default the schedule's),
     * {@code horizonDays}, {@code seed} (default the instant) and {@code target} (the socialised-loss probability
     * the recommended buffer aims at), all optional. The sizing is stored and its CVaR at 99% becomes the vault's
     * simulated stress loss, so coverage and the band follow it.
     */
    @POST
    @Path("/sizing")
    @RolesAllowed("operator")
    @Operation(summary = "Size the buffer by simulation now")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = io.backstop.service.app.VaultViews.SizingView.class)))
    public Uni<Response> size(@PathParam("id") String vault, Map<String, JsonNode> request) {
        Map<String, String> given = VaultResource.parameterText(request == null ? Map.of() : request);
        BufferSizingRun.Request defaults = sizing.scheduled(clock.now());
        int paths = Inputs.wholeNumber(given.remove("paths"), defaults.paths(), "paths");
        int horizon = Inputs.wholeNumber(given.remove("horizonDays"), defaults.horizonDays(), "horizonDays");
        long seed = given.containsKey("seed") ? Inputs.wholeNumber(given.remove("seed"), 0, "seed")
                : defaults.seed();
        double target = given.containsKey("target") ? Inputs.fraction(given.remove("target"), "target")
                : defaults.target();
        if (!given.isEmpty()) {
            throw new ApiProblem(ProblemType.UNKNOWN_FIELD, "unknown field '" + given.keySet().iterator().next()
                    + "': paths, horizonDays, seed and target may be given");
        }
        if (paths < 100 || paths > MAX_SIZING_PATHS) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "paths must be between 100 and " + MAX_SIZING_PATHS);
        }
        if (horizon < 1 || horizon > 365) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "horizonDays must be between 1 and 365");
        }
        if (!(target > 0 && target <= 0.5)) {
            throw new ApiProblem(ProblemType.INVALID_FIELD, "target must be in (0, 0.5]");
        }
        String operator = identity.getPrincipal().getName();
        return sizing.size(vault, new BufferSizingRun.Request(paths, horizon, seed, target), operator)
                .map(s -> Response.status(201).entity(new VaultViews.SizingView(s, operator, null)).build());
    }

    @POST
    @Path("/top-ups")
    @RolesAllowed("operator")
    @Operation(summary = "Top up the insurance buffer")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = TopUpResponse.class)))
    public Uni<Response> topUp(@PathParam("id") String vault, @HeaderParam(Idempotency.HEADER) String key,
            TopUpRequest request) {
        Amount amount = Inputs.amount(Inputs.body(request).amount(), "amount");
        Idempotency.Request once = new Idempotency.Request(identity.getPrincipal().getName(), key, 201);
        return commands.topUp(once, vault, amount, s -> new TopUpResponse(amount, s.balances().buffer()))
                .map(Answers::of);
    }
}
