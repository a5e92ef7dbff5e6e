package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every schema's {@code $id} is the address query-service serves it at in the local run ({@link PaperSchemas#SCHEMA_BASE}
 * + its file name), and the papers.aliases value schema accepts what the resolver writes and refuses the rest.
 */
class SchemaIdsTest {
    @ParameterizedTest
    @ValueSource(strings = {"raw-paper.v1.schema.json", "enriched-paper.v1.schema.json", "paper-alias.v1.schema.json"})
    void idIsWhereTheLocalRunServesTheSchema(String file) throws Exception {
        JsonNode schema = read("/schemas/" + file);
        assertThat(schema.get("$id").asText()).isEqualTo(PaperSchemas.SCHEMA_BASE + file);
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void aliasSchemaAcceptsAnAliasAndRefusesWhatIsNotOne() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(read("/schemas/paper-alias.v1.schema.json"));
        ObjectNode alias = PaperJson.mapper()
                .createObjectNode()
                .put("alias", "doi:10.48550/arxiv.2409.04828")
                .put("canonical", "arxiv:2409.04828");
        assertThat(schema.validate(alias)).isEmpty();
        assertThat(schema.validate(
                        alias.deepCopy().put("alias", "title:0123456789abcdef").put("extra", 1)))
                .as("a field added later within v1")
                .isEmpty();
        assertThat(schema.validate(alias.deepCopy().put("canonical", "2409.04828")))
                .isNotEmpty();
        assertThat(schema.validate(alias.deepCopy().without("canonical"))).isNotEmpty();
        assertThat(schema.validate(PaperJson.mapper()
                        .createObjectNode()
                        .put("alias", "uuid:1")
                        .put("canonical", "arxiv:2409.04828")))
                .isNotEmpty();
    }

    private JsonNode read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return PaperJson.mapper().readTree(in);
        }
    }
}
