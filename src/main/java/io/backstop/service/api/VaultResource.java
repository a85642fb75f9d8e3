package io.backstop.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.backstop.service.app.ProtocolCommands;
import io.backstop.service.app.VaultViews;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.settlement.WaterfallCapacity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Vaults: opened by the protocol team, read by anyone. */
@Tag(name = "Vaults", description = "Vaults, their NAV, exposure and waterfall")
@Path("/api/v1/vaults")
@Cancellable(false)
public class VaultResource {

    /**
     * A new vault.
     *
     * @param parameters engine parameter keys to values (numbers or strings); the rest take their defaults
     */
    public record OpenVault(String id, String underlying, String quoteCurrency, BigDecimal referencePrice,
            Map<String, JsonNode> parameters) {
    }

    private final ProtocolCommands commands;
    private final VaultViews views;
    private final SecurityIdentity identity;

    public VaultResource(ProtocolCommands commands, VaultViews views, SecurityIdentity identity) {
        this.commands = commands;
        this.views = views;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Open a vault")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = io.backstop.service.app.VaultViews.VaultView.class)))
    public Uni<Response> open(OpenVault request) {
        Inputs.body(request);
        Map<String, String> parameters = parameterText(request.parameters());
        String id = Inputs.text(request.id(), "id");
        // Whether the id and the symbols are allowed is the engine's to say (invalid-vault).
        String underlying = Inputs.text(request.underlying(), "underlying");
        String quoteCurrency = Inputs.text(request.quoteCurrency(), "quoteCurrency");
        Amount referencePrice = Inputs.amount(request.referencePrice(), "referencePrice");
        return commands.open(id, underlying, quoteCurrency, referencePrice, parameters,
                identity.getPrincipal().getName()).chain(vault -> views.read(vault.id()))
                .map(v -> Response.status(201).entity(v).build());
    }

    @GET
    @PermitAll
    @WithSession
    @Operation(summary = "Every vault")
    public Uni<List<VaultViews.VaultView>> list() {
        return views.all();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One vault: NAV, share price, utilisation, balances")
    public Uni<VaultViews.VaultView> get(@PathParam("id") String id) {
        return views.read(id);
    }

    /** The book's net Greeks and each series', as the pool holds them (short), at the last oracle price. */
    /** The vault's state over time (sampled each minute), a page at a time ({@link PageRequest}). */
    @GET
    @Path("/{id}/history")
    @PermitAll
    @WithSession
    @Operation(summary = "NAV, share price, utilisation, buffer, coverage and band over time")
    public Uni<VaultViews.HistoryPage> history(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(from, to, limit, cursor);
        return views.history(id, page.from(), page.to(), page.cursor(), page.limit());
    }

    @GET
    @Path("/{id}/exposure")
    @PermitAll
    @Operation(summary = "The book's net Greeks")
    public Uni<VaultViews.ExposureView> exposure(@PathParam("id") String id) {
        return views.exposure(id);
    }

    /**
     * The waterfall's live capacity: each series' locked collateral, LP capital above the protected floor, the
     * buffer; and for each stress scenario the claims, what each layer would pay and the deepest layer reached.
     */
    @GET
    @Path("/{id}/waterfall")
    @PermitAll
    @Operation(summary = "The settlement waterfall's live capacity")
    public Uni<WaterfallCapacity> waterfall(@PathParam("id") String id) {
        return views.waterfall(id);
    }

    /** Longest parameter name or text value: every key and value the engine knows is far shorter. */
    static final int MAX_PARAMETER_TEXT = 64;

    /**
     * Parameter values as the engine reads them: JSON numbers exactly as written, or strings; keys and texts are
     * short and printable, numbers within the ledger's digits, before the engine sees any of them.
     */
    static Map<String, String> parameterText(Map<String, JsonNode> values) {
        Map<String, String> text = new LinkedHashMap<>();
        if (values == null) {
            return text;
        }
        values.forEach((key, value) -> {
            if (key.length() > MAX_PARAMETER_TEXT || Inputs.hasControlCharacter(key)) {
                throw new ApiProblem(ProblemType.UNKNOWN_FIELD, "parameter names are at most " + MAX_PARAMETER_TEXT
                        + " printable characters");
            }
            if (value == null || !(value.isNumber() || value.isTextual())) {
                throw new ApiProblem(ProblemType.INVALID_FIELD, "parameter '" + key + "' must be a number or a string");
            }
            if (value.isNumber()) {
                text.put(key, Inputs.plain(value.decimalValue(), "parameter '" + key + "'", ProblemType.INVALID_FIELD));
                return;
            }
            String given = value.textValue();
            if (given.length() > MAX_PARAMETER_TEXT || Inputs.hasControlCharacter(given)) {
                throw new ApiProblem(ProblemType.INVALID_FIELD, "parameter '" + key + "' must be at most "
                        + MAX_PARAMETER_TEXT + " printable characters");
            }
            text.put(key, given);
        });
        return text;
    }
}
