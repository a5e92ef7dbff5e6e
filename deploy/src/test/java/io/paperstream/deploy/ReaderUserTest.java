package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The read-only KafkaUser for other systems (component kafka-reader, docs/consuming.md): only Describe/Read, only on
 * the public topics, only on its own group prefixes; and the external listener it is read through authenticates.
 */
class ReaderUserTest {
    static final String USER = "paperstream-reader";
    static final Set<String> PUBLIC_TOPICS = Set.of("papers.enriched", "papers.aliases");
    static final Set<String> READ_ONLY = Set.of("Describe", "Read");

    /** Problems of the reader user and the external listener in a rendered set of manifests. */
    static List<String> check(List<ObjectNode> docs) {
        List<String> problems = new ArrayList<>();
        JsonNode user = docs.stream()
                .filter(d -> Yaml.kind(d).equals("KafkaUser") && Yaml.name(d).equals(USER))
                .findFirst()
                .orElse(null);
        if (user == null) {
            problems.add("no KafkaUser " + USER);
            return problems;
        }
        if (!user.at("/spec/authentication/type").asText().equals("scram-sha-512")) {
            problems.add(USER + ": authentication is not scram-sha-512");
        }
        boolean readsEnriched = false;
        for (JsonNode acl : Yaml.each(user.at("/spec/authorization/acls"))) {
            JsonNode resource = acl.path("resource");
            String type = resource.path("type").asText();
            String name = resource.path("name").asText();
            boolean prefix = resource.path("patternType").asText("literal").equals("prefix");
            for (JsonNode op : Yaml.each(acl.path("operations"))) {
                if (!READ_ONLY.contains(op.asText())) {
                    problems.add(USER + ": operation " + op.asText() + " on " + type + " " + name
                            + " (read-only: Describe, Read)");
                }
            }
            if (type.equals("topic") && (prefix || !PUBLIC_TOPICS.contains(name))) {
                problems.add(USER + ": ACL on topic " + name + (prefix ? " (prefix)" : "") + ", not one of "
                        + PUBLIC_TOPICS);
            } else if (type.equals("group") && !(prefix && name.contains(USER))) {
                problems.add(USER + ": ACL on group " + name + ", not a prefix of its own (" + USER + "…)");
            } else if (!type.equals("topic") && !type.equals("group")) {
                problems.add(USER + ": ACL on " + type + " " + name);
            }
            readsEnriched |= type.equals("topic") && name.equals("papers.enriched");
        }
        if (!readsEnriched) {
            problems.add(USER + ": cannot read papers.enriched");
        }
        docs.stream().filter(d -> Yaml.kind(d).equals("Kafka")).forEach(kafka -> {
            for (JsonNode listener : Yaml.each(kafka.at("/spec/kafka/listeners"))) {
                if (!listener.path("type").asText().equals("internal")
                        && (!listener.path("tls").asBoolean()
                                || listener.at("/authentication/type").isMissingNode())) {
                    problems.add(Yaml.id(kafka) + ": listener "
                            + listener.path("name").asText()
                            + " is reachable from outside the cluster without TLS and authentication");
                }
            }
        });
        return problems;
    }

    @Test
    void devHasAReadOnlyReaderAndAnAuthenticatedExternalListener() {
        List<ObjectNode> docs = Kustomize.render(Project.k8s().resolve("overlays/dev"));
        assertThat(check(docs)).isEmpty();
        assertThat(docs)
                .filteredOn(d -> Yaml.kind(d).equals("Kafka"))
                .allSatisfy(k -> assertThat(k.at("/spec/kafka/listeners").findValuesAsText("name"))
                        .contains("external"));
    }

    @Test
    void theComponentAsWrittenIsReadOnly() {
        List<ObjectNode> docs = Yaml.parseAll(Project.k8s().resolve("components/kafka-reader/reader.yaml"));
        assertThat(check(docs)).isEmpty();
    }

    @Test
    void writeRightsOtherTopicsForeignGroupsAndAnOpenListenerAreRejected() {
        List<ObjectNode> docs = Yaml.parseAll("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: paperstream-reader}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: papers.enriched, patternType: literal}
                        operations: [Read, Write]
                      - resource: {type: topic, name: papers.raw, patternType: literal}
                        operations: [Read]
                      - resource: {type: group, name: paperstream-query, patternType: literal}
                        operations: [Read]
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: paperstream-kafka}
                spec:
                  kafka:
                    listeners:
                      - {name: external, port: 9094, type: loadbalancer, tls: false}
                """);
        assertThat(check(docs))
                .anySatisfy(p -> assertThat(p).contains("operation Write on topic papers.enriched"))
                .anySatisfy(p -> assertThat(p).contains("ACL on topic papers.raw"))
                .anySatisfy(p -> assertThat(p).contains("ACL on group paperstream-query"))
                .anySatisfy(p -> assertThat(p).contains("listener external is reachable from outside"));
    }
}
