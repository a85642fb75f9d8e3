package io.backstop.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/kubernetes} read with the Kubernetes object model (fabric8): every object of a kind the model knows
 * parses with no field left over (an unknown or misspelt field fails), the required ones are there, and the
 * objects agree with each other and with the service (probes on its health endpoints, Secrets and ConfigMap that
 * exist, selectors that select the pods). The operators' custom resources are checked for their frame only.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<?>> KINDS = Map.of("Deployment", Deployment.class, "Service",
            Service.class, "PodDisruptionBudget", PodDisruptionBudget.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class);

    @Test
    void everyObjectParsesWithNoUnknownFieldAndTheObjectsAgree() throws Exception {
        List<Object> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : documents(file)) {
                    String kind = doc.path("kind").asText();
                    assertThat(doc.path("apiVersion").asText()).as("%s: apiVersion", file).isNotBlank();
                    assertThat(doc.path("metadata").path("name").asText()).as("%s: a %s's name", file, kind)
                            .isNotBlank();
                    Class<?> type = KINDS.get(kind);
                    if (type == null) {
                        GenericKubernetesResource custom = YAML.treeToValue(doc, GenericKubernetesResource.class);
                        assertThat(custom.getAdditionalProperties()).as("%s %s", kind, file).containsKey("spec");
                        continue;
                    }
                    Object parsed = YAML.treeToValue(doc, type);
                    assertThat(leftOver(parsed)).as("fields the model does not know in %s %s", kind, file)
                            .isEmpty();
                    objects.add(parsed);
                }
            }
        }
        Deployment deployment = one(objects, Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(podLabels);
        assertThat(one(objects, Service.class).getSpec().getSelector()).isEqualTo(podLabels);
        assertThat(one(objects, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels())
                .isEqualTo(podLabels);

        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isNotBlank();
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));

        // Every Secret and ConfigMap the pod reads is one the manifests define, with the keys it reads.
        Map<String, Set<String>> secrets = objects.stream().filter(o -> o instanceof Secret).map(o -> (Secret) o)
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s.getStringData().keySet()));
        for (EnvVar env : container.getEnv()) {
            var ref = env.getValueFrom().getSecretKeyRef();
            assertThat(secrets).as(env.getName()).containsKey(ref.getName());
            assertThat(secrets.get(ref.getName())).as(env.getName()).contains(ref.getKey());
        }
        assertThat(container.getEnvFrom()).allMatch(from -> objects.stream().anyMatch(o -> o instanceof ConfigMap c
                && c.getMetadata().getName().equals(from.getConfigMapRef().getName())));
    }

    @Test
    void aMisspeltFieldAnywhereIsCaught() throws Exception {
        Deployment misspelt = YAML.readValue(String.join("\n",
                "apiVersion: apps/v1",
                "kind: Deployment",
                "metadata: {name: x}",
                "spec:",
                "  replcas: 2",
                "  template:",
                "    spec:",
                "      containers:",
                "        - name: x",
                "          image: x",
                "          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}"), Deployment.class);
        assertThat(leftOver(misspelt)).containsExactlyInAnyOrder(".spec [replcas]",
                ".spec.template.spec.containers[0] [readinesProbe]");
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (var values = YAML.readerFor(JsonNode.class).readValues(Files.readString(file))) {
            List<JsonNode> docs = new ArrayList<>();
            while (values.hasNext()) {
                JsonNode doc = (JsonNode) values.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        }
    }

    private static <T> T one(List<Object> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    /**
     * The fields the model put aside as unknown, anywhere in an object: the model's classes keep what they do not
     * know in {@code additionalProperties} rather than failing, so they are looked for there.
     */
    private static List<String> leftOver(Object root) throws Exception {
        List<String> found = new ArrayList<>();
        walk(root, "", found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object node, String path, List<String> found, Set<Object> seen) throws Exception {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8") || !seen.add(node)) {
            if (node instanceof Collection<?> list) {
                int i = 0;
                for (Object item : list) {
                    walk(item, path + "[" + i++ + "]", found, seen);
                }
            } else if (node instanceof Map<?, ?> map && !path.endsWith("additionalProperties")) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    walk(e.getValue(), path + "." + e.getKey(), found, seen);
                }
            }
            return;
        }
        for (PropertyDescriptor p : Introspector.getBeanInfo(node.getClass()).getPropertyDescriptors()) {
            if (p.getReadMethod() == null || p.getName().equals("class")) {
                continue;
            }
            Object value;
            try {
                value = p.getReadMethod().invoke(node);
            } catch (InvocationTargetException e) {
                continue;
            }
            if (p.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                found.add(path + " " + extra.keySet());
            } else {
                walk(value, path + "." + p.getName(), found, seen);
            }
        }
    }
}
