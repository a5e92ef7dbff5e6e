package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the checks take a service to read: the parsing of application.properties and @ConfigMapping sources. */
class ServiceConfigTest {
    private static final ServiceConfigs PROJECT = ServiceConfigs.load();

    @Test
    void everyServicesSourcesAreHere() {
        Assumptions.assumeTrue(
                PROJECT.missing().isEmpty(),
                "the sources of " + PROJECT.missing() + " are not in "
                        + "this checkout: the variables the manifests set for them are not checked against their configuration "
                        + "(-Dpaperstream.service-dir.<service>=<module dir> points at another checkout)");
        assertThat(PROJECT.all()).hasSize(3);
    }

    @Test
    void environmentVariablesMapToProperties() {
        assertThat(EnvNames.of("paperstream.query.cursor-secret")).isEqualTo("PAPERSTREAM_QUERY_CURSOR_SECRET");
        assertThat(EnvNames.of("mp.messaging.incoming.papers-raw.group.id"))
                .isEqualTo("MP_MESSAGING_INCOMING_PAPERS_RAW_GROUP_ID");
        assertThat(EnvNames.kebab("maxNdjsonLineBytes")).isEqualTo("max-ndjson-line-bytes");
        assertThat(EnvNames.kebab("httpURLPrefix")).isEqualTo("http-url-prefix");
    }

    @Test
    void configMappingsDeclareNestedGroupsRenamedAndMapProperties() {
        String source = """
                package x;
                /** Settings. */
                @ConfigMapping(prefix = "acme.app")
                public interface AppConfig {
                    @WithDefault("10M") // a comment; with a semicolon
                    MemorySize maxBodyBytes();
                    /* block; comment */
                    Optional<Duration> publishTimeout();
                    @WithName("legacy-name") String renamed();
                    Limits limits();
                    Optional<Auth> auth();
                    Map<String, String> labels();
                    String SEPARATOR = ";";
                    interface Limits {
                        @WithDefault("2") int titleMin();
                        default int twice() { return titleMin() * 2; }
                    }
                    interface Auth {
                        @WithDefault("true") boolean enabled();
                        Optional<List<String>> tokens();
                    }
                }
                """;
        assertThat(ConfigMappings.parse(source))
                .containsExactlyInAnyOrder(
                        "acme.app.max-body-bytes",
                        "acme.app.publish-timeout",
                        "acme.app.legacy-name",
                        "acme.app.limits.title-min",
                        "acme.app.auth.enabled",
                        "acme.app.auth.tokens",
                        "acme.app.labels.*");
        ServiceConfig config = ServiceConfig.of("x", "", ConfigMappings.parse(source));
        assertThat(config.readsEnv("ACME_APP_LABELS_TEAM")).isTrue();
        assertThat(config.readsEnv("ACME_APP_LIMITS_TITLE_MIN")).isTrue();
        assertThat(config.readsEnv("ACME_APP_LIMITS_TWICE")).isFalse();
        assertThat(config.readsEnv("ACME_APP_RENAMED")).isFalse();
    }

    @Test
    void propertiesProfilesAndEnvReferencesAreRead() {
        ServiceConfig config = ServiceConfig.of("x", """
                quarkus.http.port=8080
                %dev.kafka.bootstrap.servers=localhost:9092
                %prod.quarkus.datasource.jdbc.url=${POSTGRES_JDBC_URL}
                %dev,prod.quarkus.http.port=8090
                mp.messaging.incoming.in.connector=smallrye-kafka
                mp.messaging.incoming.in.topic=papers.raw
                mp.messaging.incoming.in.group.id=${GROUP:g1}
                """, Set.of());
        assertThat(config.readsEnv("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(config.readsEnv("POSTGRES_JDBC_URL")).isTrue();
        assertThat(config.readsEnv("QUARKUS_SHUTDOWN_TIMEOUT"))
                .as("allowlisted")
                .isTrue();
        assertThat(config.readsEnv("QUARKUS_HTTP_PROT")).isFalse();
        assertThat(config.httpPort(Map.of())).isEqualTo(8090);
        assertThat(config.httpPort(Map.of("QUARKUS_HTTP_PORT", "9000"))).isEqualTo(9000);
        assertThat(config.consumedTopics(Map.of())).containsEntry("papers.raw", "g1");
        assertThat(config.consumedTopics(Map.of("GROUP", "g2"))).containsEntry("papers.raw", "g2");
    }

    @Test
    void theServicesConfigurationIsUnderstood() {
        PROJECT.get("query-service").ifPresent(query -> {
            assertThat(query.httpPort(Map.of())).isEqualTo(8080);
            assertThat(query.readsEnv("PAPERSTREAM_QUERY_CURSOR_SECRET")).isTrue();
            assertThat(query.readsEnv("POSTGRES_REACTIVE_URL")).isTrue();
            assertThat(query.consumedTopics(Map.of())).containsEntry("papers.enriched", "paperstream-query");
            assertThat(query.producedTopics()).containsExactly("papers.enriched.dlq");
        });
        PROJECT.get("enrich-service").ifPresent(enrich -> {
            assertThat(enrich.httpPort(Map.of())).isEqualTo(8082);
            assertThat(enrich.readsEnv("PAPERSTREAM_ENRICH_TAXONOMY_FILE")).isTrue();
            assertThat(enrich.consumedTopics(Map.of("PAPERSTREAM_ENRICH_GROUP", "paperstream-enrich-v2")))
                    .containsEntry("papers.resolved", "paperstream-enrich-v2");
            assertThat(enrich.producedTopics()).containsExactlyInAnyOrder("papers.enriched", "papers.raw.dlq");
            // the resolver (Kafka Streams): its topics and application id
            assertThat(enrich.streamsTopics()).contains("papers.raw", "papers.resolved", "papers.aliases");
            assertThat(enrich.streamsApplicationId(Map.of())).hasValue("paperstream-resolver");
        });
        PROJECT.get("ingest-service").ifPresent(ingest -> {
            assertThat(ingest.httpPort(Map.of())).isEqualTo(8081);
            assertThat(ingest.readsEnv("PAPERSTREAM_INGEST_AUTH_TOKENS")).isTrue();
            assertThat(ingest.readsEnv("PAPERSTREAM_INGEST_LIMITS_TITLE_MAX")).isTrue();
            assertThat(ingest.producedTopics()).containsExactly("papers.raw", "paperstream.sources.checkpoints");
            assertThat(ingest.consumedTopics(Map.of()))
                    .containsEntry("paperstream.sources.checkpoints", "paperstream-sources");
            assertThat(ingest.readsEnv("PAPERSTREAM_SOURCES_ARXIV_OAI_URL")).isTrue();
        });
    }

    @Test
    void aServiceUsingATopicArchitectureDoesNotListIsReported() {
        ServiceConfig odd = ServiceConfig.of("query-service", """
                mp.messaging.outgoing.out.connector=smallrye-kafka
                mp.messaging.outgoing.out.topic=papers.other
                """, Set.of());
        Rendered none = new Rendered(java.util.List.of());
        java.util.List<String> problems = new java.util.ArrayList<>();
        KafkaRules.check(none, ServiceConfigs.of(odd), problems);
        assertThat(problems)
                .anySatisfy(p ->
                        assertThat(p).contains("uses topic papers.other, which docs/architecture.md does not list"));
    }
}
