package io.backstop.service.api.docs;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the OpenAPI document say what the service does, where annotations cannot: every operation lists the
 * problems (RFC 9457, {@code application/problem+json}) it can answer with; {@code Idempotency-Key} is required
 * where it is read; the local-mode endpoints are listed only in local mode, where they exist. Run at start-up,
 * since local mode is decided then.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ApiDocument implements OASFilter {

    /** The problem schema's name under {@code components/schemas}. */
    static final String PROBLEM = "Problem";

    private static final Map<String, String> ANY = Map.of(
            "400", "the request is malformed or a field is invalid; nothing changed",
            "404", "no such vault (or position, quote, series)",
            "503", "the database is unavailable or too busy; nothing changed, retry after Retry-After");
    private static final Map<String, String> COMMANDS = Map.of(
            "409", "the books' state does not allow it now (e.g. insufficient liquidity, a taken quote); nothing "
                    + "changed",
            "413", "the body is too large",
            "415", "the body is not JSON",
            "422", "well formed, but outside a rule (e.g. trading cutoff, parameter bounds); nothing changed");
    private static final Map<String, String> SECURED = Map.of(
            "401", "no valid bearer token",
            "403", "the token's roles do not allow it, or it is another user's");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        document(openAPI, ConfigProvider.getConfig().getOptionalValue("backstop.local-mode", Boolean.class)
                .orElse(false));
    }

    /** The document completed for a service in local mode or not. */
    static void document(OpenAPI openAPI, boolean localMode) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(ApiDocument::nullableUnlessRequired);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (path.startsWith("/api/v1/dev") && !localMode) {
                openAPI.getPaths().removePathItem(path);
                continue;
            }
            PathItem item = openAPI.getPaths().getPathItem(path);
            item.getOperations().forEach((method, operation) -> document(method, operation));
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ANY.forEach((status, why) -> problem(responses, status, why));
        if (method != PathItem.HttpMethod.GET) {
            COMMANDS.forEach((status, why) -> problem(responses, status, why));
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            SECURED.forEach((status, why) -> problem(responses, status, why));
        }
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (p.getIn() == Parameter.In.HEADER && "Idempotency-Key".equalsIgnoreCase(p.getName())) {
                    p.setRequired(true);
                    p.setDescription("a key of your choosing (1–200 printable characters): the same request sent "
                            + "again with it is answered as the first time, never executed twice");
                }
            }
        }
    }

    /** The problem answer for a status; one the generator listed without a body (400, 401, 403) gets it too. */
    /**
     * A property not listed as required may be null: the service writes every field of its answers, null where
     * there is nothing (a spot before the first price, a mark once settled, the next page after the last).
     */
    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                Schema ref = OASFactory.createSchema().ref(property.getRef());
                property.setRef(null);
                property.anyOf(List.of(ref, OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new java.util.ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
                nullableUnlessRequired(property);
            }
        });
    }

    private static void problem(APIResponses responses, String status, String why) {
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
        APIResponse listed = responses.getAPIResponse(status);
        if (listed == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(why).content(content));
        } else if (listed.getContent() == null) {
            listed.description(why).content(content);
        }
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("A problem (RFC 9457): its type is stable, the detail says what was wrong")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("https://backstop.io/problems/<slug>, one per kind of problem"))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("type", "title", "status"));
    }
}
