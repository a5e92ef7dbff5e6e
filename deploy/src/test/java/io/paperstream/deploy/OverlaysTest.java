package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders with {@code kubectl kustomize} and passes every rule (skipped where kubectl is missing). */
class OverlaysTest {
    private static final Path WORK = Project.deploy().resolve("target/kustomize");

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(Project.k8s().resolve("overlays"))) {
            List<String> names = dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
            assertThat(names).contains("dev", "production");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "overlays/{0}")
    @MethodSource("overlays")
    void everyOverlayRendersAndPassesEveryRule(String overlay) {
        List<ObjectNode> docs =
                Kustomize.render(Project.k8s().resolve("overlays").resolve(overlay));
        assertThat(ManifestChecker.forProject().check(docs)).isEmpty();
        List<String> rollout = new java.util.ArrayList<>();
        RolloutRules.check(new Rendered(docs), rollout);
        assertThat(rollout).as("a configuration change rolls the pods").isEmpty();
        assertThat(docs)
                .extracting(Yaml::id)
                .contains("Deployment/ingest-service", "Deployment/enrich-service", "Deployment/query-service");
        assertThat(docs).extracting(Yaml::kind).contains("Namespace");
        assertThat(docs)
                .as("the endpoints ConfigMap is an input of the build only")
                .extracting(Yaml::id)
                .doesNotContain("ConfigMap/paperstream-endpoints");
    }

    @Test
    void devRunsEverythingInTheCluster() {
        List<ObjectNode> docs = Kustomize.render(Project.k8s().resolve("overlays/dev"));
        assertThat(docs)
                .extracting(Yaml::kind)
                .contains("Kafka", "KafkaNodePool", "KafkaUser", "Cluster")
                .filteredOn("KafkaTopic"::equals)
                .hasSize(7);
        assertThat(new Rendered(docs).workloads())
                .allSatisfy(w -> assertThat(
                                w.deployment().path("spec").path("replicas").asInt())
                        .isEqualTo(1));
    }

    @Test
    void productionWithEveryComponentRendersAndPassesEveryRule() throws IOException {
        Path dir = kustomization("production-all", """
                resources:
                  - %s/overlays/production
                components:
                  - %s/components/strimzi-kafka
                  - %s/components/strimzi-topics
                  - %s/components/cloudnative-pg
                  - %s/components/keda
                  - %s/components/cloudnative-pg-backup
                  - %s/components/ingress
                  - %s/components/gateway-api
                """);
        List<ObjectNode> docs = Kustomize.render(dir);
        assertThat(docs)
                .extracting(Yaml::kind)
                .contains("Kafka", "KafkaTopic", "KafkaUser", "Cluster", "ScaledObject")
                .doesNotContain("HorizontalPodAutoscaler");
        assertThat(ManifestChecker.forProject().check(docs)).isEmpty();
    }

    @Test
    void aConfigMapWithoutAContentHashIsRejected() {
        List<ObjectNode> docs = Kustomize.render(Project.k8s().resolve("overlays/production"));
        for (ObjectNode doc : docs) {
            if (Yaml.kind(doc).equals("ConfigMap") && Yaml.name(doc).startsWith("query-service-")) {
                ((ObjectNode) doc.path("metadata")).put("name", "query-service");
            }
            if (Yaml.id(doc).equals("Deployment/query-service")) {
                ((ObjectNode) doc.at("/spec/template/spec/containers/0/envFrom/0/configMapRef"))
                        .put("name", "query-service");
            }
        }
        List<String> problems = new java.util.ArrayList<>();
        RolloutRules.check(new Rendered(docs), problems);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("ConfigMap query-service has no content hash"));
    }

    @Test
    void aBrokenOverlayIsRejected() throws IOException {
        Kustomize.requireKubectl();
        Path misspelt = kustomization("broken-env", """
                resources:
                  - %s/overlays/production
                patches:
                  - patch: |-
                      apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: query-service
                      data:
                        PAPERSTREAM_QUERY_CURSOR_SECRT: typo
                """);
        assertThat(ManifestChecker.forProject().check(Kustomize.render(misspelt)))
                .anySatisfy(
                        p -> assertThat(p).contains("PAPERSTREAM_QUERY_CURSOR_SECRT (from ConfigMap/query-service-"));

        Path unrenderable = kustomization("broken-patch", """
                resources:
                  - %s/overlays/production
                patches:
                  - path: does-not-exist.yaml
                """);
        assertThatThrownBy(() -> Kustomize.render(unrenderable))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize")
                .hasMessageContaining("failed");
    }

    /** A kustomization in target/ ("%s" = the relative path to deploy/k8s: Kustomize refuses absolute ones). */
    private static Path kustomization(String name, String template) throws IOException {
        Path dir = WORK.resolve(name);
        Files.createDirectories(dir);
        String k8s = dir.relativize(Project.k8s()).toString();
        Files.writeString(dir.resolve("kustomization.yaml"), template.replace("%s", k8s));
        return dir;
    }
}
