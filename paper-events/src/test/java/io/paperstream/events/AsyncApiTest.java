package io.paperstream.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(addresses).containsExactlyInAnyOrder(Topics.RAW, Topics.ENRICHED, "papers.aliases", Topics.RAW_DLQ,
                Topics.ENRICHED_DLQ);
        JsonNode messages = doc.at("/components/messages");
        assertThat(messages.at("/rawPaper/name").asText()).isEqualTo(Topics.RAW_TYPE);
        assertThat(messages.at("/enrichedPaper/name").asText()).isEqualTo(Topics.ENRICHED_TYPE);
        assertThat(messages.at("/paperAlias/name").asText()).isEqualTo("paperstream.paper.alias.v1");
        for (String message : List.of("rawPaper", "enrichedPaper", "paperAlias")) {
            String schema = messages.at("/" + message + "/payload/schema/$ref").asText();
            assertThat(getClass().getResource("/" + schema)).as(schema).isNotNull();
        }
        assertThat("/" + messages.at("/rawPaper/payload/schema/$ref").asText()).isEqualTo(PaperSchemas.RAW_RESOURCE);
        assertThat("/" + messages.at("/enrichedPaper/payload/schema/$ref").asText()).isEqualTo(PaperSchemas.ENRICHED_RESOURCE);
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
                assertThat(kafka.at("/topicConfiguration/retention.ms").asLong()).as(c.get("address").asText()).isPositive();
            }
        });
        assertThat(doc.at("/channels/papersEnriched/bindings/kafka/topicConfiguration/cleanup.policy/0").asText())
                .isEqualTo("compact");
        assertThat(doc.at("/channels/papersAliases/bindings/kafka/topicConfiguration/cleanup.policy/0").asText())
                .isEqualTo("compact");
        doc.get("operations").fields().forEachRemaining(op -> {
            if (op.getValue().get("action").asText().equals("receive")) {
                assertThat(op.getValue().at("/bindings/kafka/groupId").isObject()).as(op.getKey()).isTrue();
            }
            String channel = op.getValue().at("/channel/$ref").asText().replace("#/channels/", "");
            assertThat(doc.get("channels").has(channel)).as(op.getKey() + " -> " + channel).isTrue();
        });
        assertThat(doc.at("/servers/local/host").asText()).isEqualTo("localhost:9092");
        assertThat(doc.at("/servers/cluster/protocol").asText()).isEqualTo("kafka-secure");
    }
}
