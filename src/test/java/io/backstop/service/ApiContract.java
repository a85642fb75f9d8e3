package io.backstop.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The service's OpenAPI document as a contract the tests hold it to: every response a test receives from the API is
 * checked against the document (its status listed for the operation, its JSON body valid against the documented
 * schema, by networknt's JSON Schema 2020-12 validator), so a drift between the two fails the test that met it.
 * Installed for every RestAssured call by {@link Api}.
 */
final class ApiContract implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Answered by the HTTP layer for any URI (wrong method, unacceptable Accept, URI or headers too long). */
    private static final Set<Integer> HTTP_LAYER = Set.of(405, 406, 414, 431);
    private static final Set<String> CHECKED_MEDIA = Set.of("application/json", "application/problem+json");
    private static volatile JsonNode document;
    private static final Map<String, Pattern> TEMPLATES = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification spec,
            FilterContext context) {
        Response response = context.next(request, spec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/api/v1/")) {
            List<String> violations = violations(uri, request.getMethod(), response);
            if (!violations.isEmpty()) {
                throw new AssertionError("the answer to " + request.getMethod() + " " + uri.getPath()
                        + " breaks the OpenAPI document: " + violations + "\n" + response.asString());
            }
        }
        return response;
    }

    /** What in this answer the document does not allow; empty when it matches. */
    static List<String> violations(URI uri, String method, Response response) {
        return violations(uri, method, response.statusCode(), response.contentType(), response.asString());
    }

    /** What in an answer (status, content type, body) the document does not allow; empty when it matches. */
    static List<String> violations(URI uri, String method, int statusCode, String contentType, String body) {
        JsonNode doc = document(uri);
        String template = template(doc, uri.getPath());
        if (template == null) {
            return List.of("no path in the document matches " + uri.getPath());
        }
        String m = method.toLowerCase();
        JsonNode operation = doc.path("paths").path(template).path(m);
        if (operation.isMissingNode()) {
            return List.of(method + " is not documented for " + template);
        }
        String status = Integer.toString(statusCode);
        if (HTTP_LAYER.contains(statusCode)) {
            return List.of();   // the server's answer for any URI, before an operation is chosen
        }
        JsonNode answer = operation.path("responses").path(status);
        if (answer.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + method + " " + template);
        }
        String media = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!CHECKED_MEDIA.contains(media) || body.isEmpty()) {
            return List.of();
        }
        JsonNode content = answer.path("content");
        String documented = content.has(media) ? media : content.has("*/*") ? "*/*" : null;
        if (documented == null) {
            return List.of(media + " is not documented for " + status + " of " + method + " " + template);
        }
        String pointer = "/paths/" + escape(template) + "/" + m + "/responses/" + status + "/content/"
                + escape(documented) + "/schema";
        if (doc.at(pointer).isMissingNode()) {
            return List.of();
        }
        JsonSchema schema = COMPILED.computeIfAbsent(pointer, p -> {
            ObjectNode root = doc.deepCopy();
            root.put("$ref", "#" + p);
            return SCHEMAS.getSchema(root);
        });
        try {
            List<String> out = new ArrayList<>();
            for (ValidationMessage v : schema.validate(JSON.readTree(body))) {
                out.add(v.getMessage());
            }
            return out;
        } catch (java.io.IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
    }

    private static String template(JsonNode doc, String path) {
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            Pattern p = TEMPLATES.computeIfAbsent(template, t -> Pattern.compile(
                    t.replaceAll("\\{[^/]+}", "[^/]+")));
            if (p.matcher(path).matches()) {
                return template;
            }
        }
        return null;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode document(URI any) {
        JsonNode doc = document;
        if (doc == null) {
            synchronized (ApiContract.class) {
                if (document == null) {
                    try {
                        HttpResponse<String> answer = Api.HTTP.send(HttpRequest.newBuilder(
                                any.resolve("/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
                        document = JSON.readTree(answer.body());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                doc = document;
            }
        }
        return doc;
    }
}
