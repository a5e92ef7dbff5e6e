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
        assertThat(addresses).containsExactlyInAnyOrder(Topics.RAW, Topics.ENRICHED, Topics.RAW_DLQ, Topics.ENRICHED_DLQ);
        JsonNode messages = doc.at("/components/messages");
        assertThat(messages.at("/rawPaper/name").asText()).isEqualTo(Topics.RAW_TYPE);
        assertThat(messages.at("/enrichedPaper/name").asText()).isEqualTo(Topics.ENRICHED_TYPE);
        for (String message : List.of("rawPaper", "enrichedPaper")) {
            String schema = messages.at("/" + message + "/payload/schema/$ref").asText();
            assertThat(getClass().getResource("/" + schema)).as(schema).isNotNull();
        }
        assertThat("/" + messages.at("/rawPaper/payload/schema/$ref").asText()).isEqualTo(PaperSchemas.RAW_RESOURCE);
        assertThat("/" + messages.at("/enrichedPaper/payload/schema/$ref").asText()).isEqualTo(PaperSchemas.ENRICHED_RESOURCE);
    }
}
