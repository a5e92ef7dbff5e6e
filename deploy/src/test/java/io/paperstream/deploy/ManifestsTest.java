package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules on the resources of the base and of the components as written (no kubectl needed), and one broken
 * copy per rule, which the same checker must reject.
 */
class ManifestsTest {

    /** The base's resources plus every component's own resources (their patches are not applied here). */
    static List<ObjectNode> resources() {
        List<ObjectNode> docs =
                new ArrayList<>(Kustomize.unrendered(Project.k8s().resolve("base")));
        try (Stream<Path> components = Files.list(Project.k8s().resolve("components"))) {
            components
                    .sorted()
                    .filter(c -> Files.isRegularFile(c.resolve("kustomization.yaml")))
                    .forEach(c -> docs.addAll(Kustomize.unrendered(c)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return docs;
    }

    @Test
    void theResourcesAsWrittenPassEveryRule() {
        List<ObjectNode> docs = resources();
        assertThat(docs)
                .extracting(Yaml::kind)
                .contains(
                        "Deployment",
                        "Service",
                        "ConfigMap",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "NetworkPolicy",
                        "KafkaTopic",
                        "KafkaUser",
                        "Kafka",
                        "KafkaNodePool",
                        "Cluster",
                        "ScaledObject",
                        "Ingress",
                        "HTTPRoute");
        assertThat(ManifestChecker.forProject().check(docs)).isEmpty();
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                // probes
                broken(
                        "no readiness probe",
                        d -> d.container("query-service").remove("readinessProbe"),
                        "query-service: no readinessProbe"),
                broken(
                        "startup probe on another path",
                        d -> d.obj(d.container("query-service"), "startupProbe", "httpGet")
                                .put("path", "/q/health"),
                        "startupProbe checks /q/health, not /q/health/started"),
                broken(
                        "liveness probe on another port",
                        d -> d.obj(d.container("query-service"), "livenessProbe", "httpGet")
                                .put("port", 9999),
                        "livenessProbe port 9999 is not the service's management port 9080"),
                broken(
                        "readiness probe on the public port",
                        d -> d.obj(d.container("ingest-service"), "readinessProbe", "httpGet")
                                .put("port", "http"),
                        "readinessProbe port http is not the service's management port 9081"),
                // resources
                broken(
                        "no memory limit",
                        d -> d.obj(d.container("enrich-service"), "resources", "limits")
                                .remove("memory"),
                        "enrich-service: no resources.limits.memory"),
                broken(
                        "no cpu request",
                        d -> d.obj(d.container("query-service"), "resources", "requests")
                                .remove("cpu"),
                        "query-service: no resources.requests.cpu"),
                // security context
                broken(
                        "root allowed",
                        d -> {
                            d.obj(d.pod("query-service"), "securityContext").put("runAsNonRoot", false);
                            d.obj(d.container("query-service"), "securityContext")
                                    .remove("runAsNonRoot");
                        },
                        "securityContext.runAsNonRoot is not true"),
                broken(
                        "runs as root",
                        d -> d.obj(d.container("query-service"), "securityContext")
                                .put("runAsUser", 0),
                        "runs as user 0"),
                broken(
                        "writable root filesystem",
                        d -> d.obj(d.container("query-service"), "securityContext")
                                .put("readOnlyRootFilesystem", false),
                        "readOnlyRootFilesystem is not true"),
                broken(
                        "privilege escalation allowed",
                        d -> d.obj(d.container("query-service"), "securityContext")
                                .remove("allowPrivilegeEscalation"),
                        "allowPrivilegeEscalation is not false"),
                broken(
                        "capabilities kept",
                        d -> d.obj(d.container("query-service"), "securityContext", "capabilities")
                                .putArray("drop")
                                .add("NET_RAW"),
                        "capabilities.drop does not contain ALL"),
                broken(
                        "no seccomp profile",
                        d -> d.obj(d.pod("enrich-service"), "securityContext").remove("seccompProfile"),
                        "enrich-service: no seccompProfile RuntimeDefault"),
                broken(
                        "no writable /tmp",
                        d -> d.container("query-service").remove("volumeMounts"),
                        "/tmp is not a writable emptyDir"),
                // graceful shutdown
                broken(
                        "grace period shorter than the shutdown",
                        d -> d.pod("query-service").put("terminationGracePeriodSeconds", 15),
                        "terminationGracePeriodSeconds 15 < preStop 5 s + QUARKUS_SHUTDOWN_TIMEOUT 20 s + 5 s"),
                broken(
                        "shutdown timeout not set",
                        d -> d.configMapData("enrich-service").remove("QUARKUS_SHUTDOWN_TIMEOUT"),
                        "QUARKUS_SHUTDOWN_TIMEOUT is not set"),
                // metrics
                broken(
                        "no scrape annotation",
                        d -> d.obj(d.podMetadata("query-service"), "annotations")
                                .remove("prometheus.io/scrape"),
                        "prometheus.io/scrape is not \"true\""),
                broken(
                        "scrape annotation on another port",
                        d -> d.obj(d.podMetadata("query-service"), "annotations")
                                .put("prometheus.io/port", "9000"),
                        "prometheus.io/port is 9000, not the management port 9080"),
                broken(
                        "scrape annotation on the public port",
                        d -> d.obj(d.podMetadata("enrich-service"), "annotations")
                                .put("prometheus.io/port", "8082"),
                        "prometheus.io/port is 8082, not the management port 9082"),
                // ports, Service, PDB
                broken(
                        "container port is not quarkus.http.port",
                        d -> d.obj(d.container("query-service"), "ports", "0").put("containerPort", 8090),
                        "container port http is 8090, but the service listens on 8080"),
                broken(
                        "Service targets another port",
                        d -> d.obj(d.get("Service", "query-service"), "spec", "ports", "0")
                                .put("targetPort", 9000),
                        "Service/query-service: targetPort 9000 is neither the HTTP nor the management port"),
                broken(
                        "management container port is not quarkus.management.port",
                        d -> d.obj(d.container("query-service"), "ports", "1").put("containerPort", 9000),
                        "container port management is 9000, but the management interface listens on 9080"),
                broken("no Service", d -> d.remove("Service", "query-service"), "query-service: no Service selects"),
                broken(
                        "no PodDisruptionBudget",
                        d -> d.remove("PodDisruptionBudget", "enrich-service"),
                        "enrich-service: no PodDisruptionBudget selects"),
                // environment = real properties
                broken(
                        "misspelt property in a ConfigMap",
                        d -> d.configMapData("query-service").put("PAPERSTREAM_QUERY_CURSOR_SECRT", "x"),
                        "PAPERSTREAM_QUERY_CURSOR_SECRT (from ConfigMap/query-service) is not a configuration property"),
                broken(
                        "misspelt variable from a Secret",
                        d -> d.env("query-service", "POSTGRES_PASSWORD").put("name", "POSTGRES_PASSWRD"),
                        "POSTGRES_PASSWRD (from Secret/paperstream-postgres) is not a configuration property"),
                broken(
                        "misspelt Kafka client property",
                        d -> d.configMapData("enrich-service").put("KAFKA_SASL_MECHANSIM", "SCRAM-SHA-512"),
                        "KAFKA_SASL_MECHANSIM (from ConfigMap/enrich-service) is not a configuration property"),
                broken(
                        "a property of another service",
                        d -> d.configMapData("enrich-service").put("POSTGRES_JDBC_URL", "jdbc:postgresql://db/x"),
                        "POSTGRES_JDBC_URL (from ConfigMap/enrich-service) is not a configuration property"),
                broken(
                        "envFrom a whole Secret",
                        d -> d.container("query-service")
                                .withArray("envFrom")
                                .addObject()
                                .putObject("secretRef")
                                .put("name", "paperstream-postgres"),
                        "envFrom Secret paperstream-postgres"),
                broken(
                        "envFrom a ConfigMap that does not exist",
                        d -> d.obj(d.container("query-service"), "envFrom", "0", "configMapRef")
                                .put("name", "query-config"),
                        "envFrom ConfigMap query-config is not among the manifests"),
                // secrets read from mounted files
                broken(
                        "a secret file outside the mounted Secret",
                        d -> d.configMapData("query-service")
                                .put("PAPERSTREAM_QUERY_CURSOR_SECRET_FILE", "/etc/paperstream/cursor"),
                        "PAPERSTREAM_QUERY_CURSOR_SECRET_FILE=/etc/paperstream/cursor is not a file of a volume mounted"),
                broken(
                        "a secret file that is not an item of the Secret volume",
                        d -> d.configMapData("ingest-service")
                                .put("PAPERSTREAM_INGEST_AUTH_TOKENS_FILE", "/etc/paperstream/ingest-tokens/token"),
                        "PAPERSTREAM_INGEST_AUTH_TOKENS_FILE=/etc/paperstream/ingest-tokens/token is not a file"),
                broken(
                        "the Secret volume not mounted",
                        d -> d.container("ingest-service")
                                .withArray("volumeMounts")
                                .remove(1),
                        "PAPERSTREAM_INGEST_AUTH_TOKENS_FILE=/etc/paperstream/ingest-tokens/tokens is not a file"),
                // Ingress and Gateway API routes
                broken(
                        "an Ingress routing to the management port",
                        d -> d.obj(
                                        d.get("Ingress", "paperstream"),
                                        "spec",
                                        "rules",
                                        "0",
                                        "http",
                                        "paths",
                                        "0",
                                        "backend",
                                        "service",
                                        "port")
                                .put("name", "management"),
                        "Ingress/paperstream: routes to port management of query-service (container port 9080), not its HTTP port 8080"),
                broken(
                        "an HTTPRoute to a Service that does not exist",
                        d -> d.obj(d.get("HTTPRoute", "paperstream"), "spec", "rules", "0", "backendRefs", "0")
                                .put("name", "ingest"),
                        "HTTPRoute/paperstream: routes to Service ingest, which is not among the manifests"),
                broken(
                        "PostgreSQL not pinned",
                        d -> d.obj(d.get("Cluster", "paperstream-db"), "spec")
                                .put("imageName", "ghcr.io/cloudnative-pg/postgresql:17"),
                        "Cluster/paperstream-db: imageName ghcr.io/cloudnative-pg/postgresql:17 is not pinned"),
                // release images
                broken(
                        "a snapshot image",
                        d -> d.container("ingest-service").put("image", "paperstream/ingest-service:1.0.0-SNAPSHOT"),
                        "image paperstream/ingest-service:1.0.0-SNAPSHOT is not a release image"),
                broken(
                        "an untagged image",
                        d -> d.container("query-service").put("image", "paperstream/query-service"),
                        "image paperstream/query-service is not a release image"),
                // Strimzi v1
                broken(
                        "a Strimzi v1beta2 resource",
                        d -> d.get("KafkaTopic", "papers.raw").put("apiVersion", "kafka.strimzi.io/v1beta2"),
                        "KafkaTopic/papers.raw: apiVersion kafka.strimzi.io/v1beta2 is not served by Strimzi 1.x"),
                broken(
                        "KEDA's group not from the service's configuration",
                        d -> {
                            d.obj(d.get("ScaledObject", "query-service"), "spec", "triggers", "0", "metadata")
                                    .remove("consumerGroupFromEnv");
                            d.obj(d.get("ScaledObject", "query-service"), "spec", "triggers", "0", "metadata")
                                    .put("consumerGroup", "paperstream-query");
                        },
                        "ScaledObject/query-service: names its consumer group literally"),
                broken(
                        "KEDA's group from a variable the container lacks",
                        d -> d.obj(d.get("ScaledObject", "enrich-service"), "spec", "triggers", "0", "metadata")
                                .put("consumerGroupFromEnv", "ENRICH_GROUP"),
                        "consumerGroupFromEnv ENRICH_GROUP is not set in the container of enrich-service"),
                // Secrets documented
                broken(
                        "undocumented Secret",
                        d -> d.obj(d.env("query-service", "POSTGRES_USER"), "valueFrom", "secretKeyRef")
                                .put("name", "paperstream-db-credentials"),
                        "Secret paperstream-db-credentials is not documented"),
                broken(
                        "undocumented Secret key",
                        d -> d.obj(d.env("query-service", "POSTGRES_PASSWORD"), "valueFrom", "secretKeyRef")
                                .put("key", "passwd"),
                        "key passwd of Secret paperstream-postgres is not documented"),
                // topics
                broken(
                        "papers.raw kept 1 day",
                        d -> d.obj(d.get("KafkaTopic", "papers.raw"), "spec", "config")
                                .put("retention.ms", 86400000),
                        "papers.raw has retention.ms=86400000"),
                broken(
                        "papers.enriched not compacted",
                        d -> d.obj(d.get("KafkaTopic", "papers.enriched"), "spec", "config")
                                .put("cleanup.policy", "delete"),
                        "papers.enriched has cleanup.policy=delete, docs/architecture.md says compact"),
                broken(
                        "DLQ without retention",
                        d -> d.obj(d.get("KafkaTopic", "papers.enriched.dlq"), "spec", "config")
                                .remove("retention.ms"),
                        "papers.enriched.dlq has retention.ms=null"),
                broken(
                        "a topic missing",
                        d -> d.remove("KafkaTopic", "papers.raw.dlq"),
                        "no KafkaTopic for papers.raw.dlq"),
                broken(
                        "a misspelt topic",
                        d -> d.obj(d.get("KafkaTopic", "papers.raw"), "spec").put("topicName", "paper.raw"),
                        "KafkaTopic paper.raw is not a topic the services use"),
                // Kafka users
                broken(
                        "KafkaUser cannot join the consumer group",
                        d -> {
                            d.addSecretEnv(
                                    "enrich-service",
                                    "KAFKA_SASL_JAAS_CONFIG",
                                    "paperstream-enrich",
                                    "sasl.jaas.config");
                            d.obj(d.get("KafkaUser", "paperstream-enrich"), "spec", "authorization")
                                    .withArray("acls")
                                    .remove(1);
                        },
                        "no ACL allows Read on group paperstream-enrich"),
                broken(
                        "KafkaUser cannot write the DLQ",
                        d -> {
                            d.addSecretEnv(
                                    "query-service", "KAFKA_SASL_JAAS_CONFIG", "paperstream-query", "sasl.jaas.config");
                            d.obj(d.get("KafkaUser", "paperstream-query"), "spec", "authorization")
                                    .withArray("acls")
                                    .remove(2);
                        },
                        "no ACL allows Write on topic papers.enriched.dlq"),
                broken(
                        "credentials without a KafkaUser",
                        d -> {
                            d.addSecretEnv(
                                    "query-service", "KAFKA_SASL_JAAS_CONFIG", "paperstream-query", "sasl.jaas.config");
                            d.remove("KafkaUser", "paperstream-query");
                        },
                        "there is no KafkaUser paperstream-query"),
                // scaling
                broken(
                        "KEDA watches another group",
                        d -> d.obj(d.get("ScaledObject", "enrich-service"), "spec", "triggers", "0", "metadata")
                                .put("consumerGroupFromEnv", "QUARKUS_SHUTDOWN_TIMEOUT"),
                        "scales on the lag of group 20s, but enrich-service consumes papers.resolved in group paperstream-enrich"),
                broken(
                        "KEDA watches another topic",
                        d -> d.obj(d.get("ScaledObject", "query-service"), "spec", "triggers", "0", "metadata")
                                .put("topic", "papers.raw"),
                        "scales on topic papers.raw, but query-service consumes"),
                broken(
                        "more replicas than partitions",
                        d -> d.obj(d.get("HorizontalPodAutoscaler", "query-service"), "spec")
                                .put("maxReplicas", 12),
                        "up to 12 replicas, but papers.enriched has 6 partitions"),
                broken(
                        "the resolver may not create its internal topics",
                        d -> {
                            d.addSecretEnv(
                                    "enrich-service",
                                    "KAFKA_SASL_JAAS_CONFIG",
                                    "paperstream-enrich",
                                    "sasl.jaas.config");
                            d.obj(d.get("KafkaUser", "paperstream-enrich"), "spec", "authorization")
                                    .withArray("acls")
                                    .remove(7);
                        },
                        "no ACL allows Create on topic paperstream-resolver-store-changelog"),
                // network policies
                broken(
                        "enrich-service reachable from other namespaces",
                        d -> d.obj(
                                        d.get("NetworkPolicy", "enrich-service-allow-namespace-and-monitoring"),
                                        "spec",
                                        "ingress",
                                        "0")
                                .withArray("from")
                                .addObject()
                                .putObject("namespaceSelector"),
                        "lets traffic from outside the namespace reach enrich-service"),
                broken(
                        "egress to another port",
                        d -> d.obj(d.get("NetworkPolicy", "paperstream-allow-kafka"), "spec", "egress", "0")
                                .withArray("ports")
                                .addObject()
                                .put("protocol", "TCP")
                                .put("port", 443),
                        "reach port 443"),
                broken(
                        "enrich-service may reach PostgreSQL",
                        d -> d.obj(
                                        d.get("NetworkPolicy", "query-service-allow-postgres"),
                                        "spec",
                                        "podSelector",
                                        "matchLabels")
                                .put("app.kubernetes.io/name", "enrich-service"),
                        "lets enrich-service reach port 5432"),
                broken(
                        "no ingress isolation",
                        d -> {
                            d.remove("NetworkPolicy", "paperstream-default-deny");
                            d.remove("NetworkPolicy", "enrich-service-allow-namespace-and-monitoring");
                        },
                        "enrich-service: no NetworkPolicy restricts its ingress"),
                broken(
                        "metrics open to every namespace",
                        d -> d.obj(d.get("NetworkPolicy", "query-service-allow-http"), "spec", "ingress", "1")
                                .remove("from"),
                        "opens the management port 9080 of query-service (health, metrics) to traffic from outside the namespace"),
                broken(
                        "Prometheus cannot scrape ingest-service",
                        d -> d.obj(d.get("NetworkPolicy", "ingest-service-allow-http"), "spec")
                                .withArray("ingress")
                                .remove(1),
                        "ingest-service: no NetworkPolicy lets Prometheus (namespace monitoring) reach its management port 9081"),
                broken(
                        "query-service unreachable",
                        d -> d.remove("NetworkPolicy", "query-service-allow-http"),
                        "no NetworkPolicy lets clients reach its HTTP port 8080"),
                broken(
                        "a container that is no service",
                        d -> d.container("query-service").put("name", "query"),
                        "container query: not one of the services"));
    }

    private static Arguments broken(String what, Consumer<Docs> breakIt, String expectedProblem) {
        return Arguments.of(what, breakIt, expectedProblem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void aBrokenCopyIsRejected(String what, Consumer<Docs> breakIt, String expectedProblem) {
        Docs docs = new Docs(resources());
        breakIt.accept(docs);
        List<String> problems = ManifestChecker.forProject().check(docs.list);
        assertThat(problems).as(what).anySatisfy(p -> assertThat(p).contains(expectedProblem));
    }
}
