package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document names the topics, message types and schemas that the code really uses. */
class AsyncApiTest {
    @Test
    void namesEveryTopicTypeAndSchema() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        // papers.resolved is internal (resolver -> enrich-service), not part of the public contract
        assertThat(addresses)
                .containsExactlyInAnyOrder(
                        Topics.RAW, Topics.ENRICHED, Topics.ALIASES, Topics.RAW_DLQ, Topics.ENRICHED_DLQ);
        JsonNode messages = doc.at("/components/messages");
        assertThat(messages.at("/rawPaper/name").asText()).isEqualTo(Topics.RAW_TYPE);
        assertThat(messages.at("/enrichedPaper/name").asText()).isEqualTo(Topics.ENRICHED_TYPE);
        assertThat(messages.at("/paperAlias/name").asText()).isEqualTo(Topics.ALIAS_TYPE);
        for (String message : List.of("rawPaper", "enrichedPaper", "paperAlias")) {
            String schema = messages.at("/" + message + "/payload/schema/$ref").asText();
            assertThat(getClass().getResource("/" + schema)).as(schema).isNotNull();
        }
        assertThat("/" + messages.at("/rawPaper/payload/schema/$ref").asText()).isEqualTo(PaperSchemas.RAW_RESOURCE);
        assertThat("/" + messages.at("/enrichedPaper/payload/schema/$ref").asText())
                .isEqualTo(PaperSchemas.ENRICHED_RESOURCE);
    }

    /** Every channel says its cleanup policy, every receiving operation its consumer group, every server its address. */
    @Test
    void channelsOperationsAndServersCarryTheirBindings() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        doc.get("channels").forEach(c -> {
            JsonNode kafka = c.at("/bindings/kafka");
            String policy = kafka.at("/topicConfiguration/cleanup.policy/0").asText();
            assertThat(policy).as(c.get("address").asText()).isIn("delete", "compact");
            if (policy.equals("delete")) {
                assertThat(kafka.at("/topicConfiguration/retention.ms").asLong())
                        .as(c.get("address").asText())
                        .isPositive();
            }
        });
        assertThat(doc.at("/channels/papersEnriched/bindings/kafka/topicConfiguration/cleanup.policy/0")
                        .asText())
                .isEqualTo("compact");
        assertThat(doc.at("/channels/papersAliases/bindings/kafka/topicConfiguration/cleanup.policy/0")
                        .asText())
                .isEqualTo("compact");
        doc.get("operations").fields().forEachRemaining(op -> {
            if (op.getValue().get("action").asText().equals("receive")) {
                assertThat(op.getValue().at("/bindings/kafka/groupId").isObject())
                        .as(op.getKey())
                        .isTrue();
            }
            String channel = op.getValue().at("/channel/$ref").asText().replace("#/channels/", "");
            assertThat(doc.get("channels").has(channel))
                    .as(op.getKey() + " -> " + channel)
                    .isTrue();
        });
        assertThat(doc.at("/servers/local/host").asText()).isEqualTo("localhost:9092");
        assertThat(doc.at("/servers/cluster/protocol").asText()).isEqualTo("kafka-secure");
    }

    /** The channel bindings say what the Strimzi KafkaTopics of deploy/ configure (when that file is next to this module). */
    @Test
    void channelBindingsMatchTheKafkaTopicsOfTheManifests() throws Exception {
        java.nio.file.Path topics = java.nio.file.Path.of("../deploy/k8s/components/strimzi-topics/topics.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.Files.isRegularFile(topics), "no deploy/ next to paper-events");
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        java.util.Map<String, JsonNode> declared = new java.util.HashMap<>();
        try (var parser = new YAMLFactory().createParser(topics.toFile())) {
            new ObjectMapper(new YAMLFactory())
                    .readValues(parser, JsonNode.class)
                    .readAll()
                    .forEach(t -> declared.put(t.at("/spec/topicName").asText(), t.get("spec")));
        }
        doc.get("channels").forEach(c -> {
            String topic = c.get("address").asText();
            JsonNode spec = declared.get(topic);
            assertThat(spec).as("KafkaTopic " + topic).isNotNull();
            JsonNode kafka = c.at("/bindings/kafka");
            assertThat(kafka.get("partitions").asInt())
                    .as(topic + " partitions")
                    .isEqualTo(spec.get("partitions").asInt());
            assertThat(kafka.get("replicas").asInt())
                    .as(topic + " replicas")
                    .isEqualTo(spec.get("replicas").asInt());
            assertThat(kafka.at("/topicConfiguration/cleanup.policy/0").asText())
                    .as(topic + " cleanup.policy")
                    .isEqualTo(spec.at("/config/cleanup.policy").asText());
            assertThat(kafka.at("/topicConfiguration/retention.ms").asText())
                    .as(topic + " retention.ms")
                    .isEqualTo(spec.at("/config/retention.ms").asText());
        });
    }
}
