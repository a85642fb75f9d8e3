package io.backstop.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document says what the service does: created resources answer 201, money and quantities are decimal
 * strings, every operation has a summary and a tag in the domain's words and lists its problems with the problem
 * schema, idempotency keys are required where they are read, and the dashboard's HTML pages are not part of it.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class OpenApiTest {

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/vaults")
    java.net.URL vaultsUri;

    private static final List<String> CREATED = List.of(
            "post /api/v1/vaults", "post /api/v1/vaults/{id}/deposits", "post /api/v1/vaults/{id}/withdrawals",
            "post /api/v1/vaults/{id}/quotes", "post /api/v1/vaults/{id}/trades", "post /api/v1/positions/{id}/bids",
            "post /api/v1/positions/{id}/sales", "post /api/v1/vaults/{id}/buffer/top-ups",
            "post /api/v1/vaults/{id}/buffer/sizing", "post /api/v1/oracle/prices");
    private static final List<String> IDEMPOTENT = List.of(
            "post /api/v1/vaults/{id}/deposits", "post /api/v1/vaults/{id}/withdrawals",
            "post /api/v1/vaults/{id}/trades", "post /api/v1/positions/{id}/sales",
            "post /api/v1/vaults/{id}/buffer/top-ups");

    @Test
    void theDocumentSaysWhatTheServiceDoes() throws Exception {
        JsonObject doc = new JsonObject(given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), doc.encodePrettily());
        JsonObject paths = doc.getJsonObject("paths");
        assertThat(paths.fieldNames()).allMatch(p -> p.startsWith("/api/v1/")).contains("/api/v1/dev/tokens");
        int operations = 0;
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!List.of("get", "post", "put", "delete").contains(method)) {
                    continue;
                }
                operations++;
                String name = method + " " + path;
                JsonObject op = item.getJsonObject(method);
                assertThat(op.getString("summary")).as(name).isNotBlank().doesNotMatch("(?i)get|post|me");
                assertThat(op.getJsonArray("tags").getList()).as(name).isNotEmpty()
                        .noneMatch(t -> t.toString().endsWith("Resource"));
                JsonObject responses = op.getJsonObject("responses");
                for (String status : List.of("400", "404", "503")) {
                    assertThat(responses.getJsonObject(status)).as(name + " " + status).isNotNull();
                    assertThat(responses.getJsonObject(status).getJsonObject("content")
                            .getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"))
                            .endsWith("/Problem");
                }
                if (!method.equals("get")) {
                    assertThat(responses.fieldNames()).as(name).contains("409", "413", "422");
                }
                if (CREATED.contains(name)) {
                    assertThat(responses.fieldNames()).as(name).contains("201").doesNotContain("200");
                }
                if (IDEMPOTENT.contains(name)) {
                    assertThat(op.getJsonArray("parameters").stream().map(p -> (JsonObject) p)
                            .filter(p -> p.getString("name").equals("Idempotency-Key")).findFirst().orElseThrow()
                            .getBoolean("required")).as(name).isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        for (String decimal : List.of("Amount", "Quantity", "Shares")) {
            assertThat(schemas.getJsonObject(decimal).getString("type")).as(decimal).isEqualTo("string");
        }
        assertThat(schemas.getJsonObject("Problem").getJsonObject("properties").fieldNames())
                .contains("type", "title", "status", "detail");
        // The tests hold every answer to the document (ApiContract); a drift is caught, not waved through.
        java.net.URI vaults = vaultsUri.toURI();
        String list = given().get("/api/v1/vaults").then().statusCode(200).extract().asString();
        assertThat(ApiContract.violations(vaults, "GET", 200, "application/json", list)).isEmpty();
        assertThat(ApiContract.violations(vaults, "GET", 200, "application/json",
                "[{\"id\": \"v\", \"nav\": 12.5}]")).anyMatch(v -> v.contains("nav"));
        assertThat(ApiContract.violations(vaults, "GET", 418, "application/json", "{}"))
                .containsExactly("status 418 is not documented for GET /api/v1/vaults");
        // The dev endpoints say where they exist.
        assertThat(paths.getJsonObject("/api/v1/dev/tokens").getJsonObject("post").getJsonArray("tags").getList())
                .containsExactly("Local mode");
    }
}
