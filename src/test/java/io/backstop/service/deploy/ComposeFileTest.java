package io.backstop.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose.yaml} holds to what running it for real needs: every service has a healthcheck, the service
 * starts only once its database and broker are healthy, no password is written into the file (secrets are files
 * that {@code deploy/secrets/generate} makes), and the service runs as a non-root user on a read-only filesystem.
 */
class ComposeFileTest {

    private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).getParent().resolve("deploy");

    @Test
    void theComposeFileIsHealthCheckedOrderedAndKeepsNoSecret() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("compose.yaml").toFile());
        JsonNode services = compose.path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("postgres", "kafka", "backstop");
        for (String name : names) {
            JsonNode service = services.path(name);
            assertThat(service.path("healthcheck").path("test").isArray()).as("%s's healthcheck", name).isTrue();
            service.path("environment").fields().forEachRemaining(e -> assertThat(e.getKey())
                    .as("%s keeps a password in the file", name).satisfiesAnyOf(
                            k -> assertThat(k).doesNotContainIgnoringCase("PASSWORD"),
                            k -> assertThat(k).endsWith("_FILE")));
        }
        JsonNode backstop = services.path("backstop");
        for (String dependency : List.of("postgres", "kafka")) {
            assertThat(backstop.path("depends_on").path(dependency).path("condition").asText()).as(dependency)
                    .isEqualTo("service_healthy");
        }
        assertThat(backstop.path("user").asText()).isNotIn("", "0", "root").doesNotStartWith("0:");
        assertThat(backstop.path("read_only").asBoolean()).isTrue();
        assertThat(backstop.path("command").toString()).contains("/run/secrets/db_password");
        assertThat(backstop.path("healthcheck").path("test").toString()).contains("/q/health/ready");

        // Each secret is a file under deploy/secrets that the generate script makes, and git ignores.
        String generate = Files.readString(DEPLOY.resolve("secrets/generate"));
        compose.path("secrets").fields().forEachRemaining(secret -> {
            String file = secret.getValue().path("file").asText();
            assertThat(file).as(secret.getKey()).startsWith("./secrets/");
            assertThat(generate).as("generate makes %s", file).contains(file.substring("./secrets/".length()));
        });
        assertThat(Files.readString(DEPLOY.resolve("secrets/.gitignore"))).contains("*");
    }
}
