package io.paperstream.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schemas of the two payloads, loaded from this jar, and validation against them. */
public final class PaperSchemas {
    public static final String RAW_RESOURCE = "/schemas/raw-paper.v1.schema.json";
    public static final String ENRICHED_RESOURCE = "/schemas/enriched-paper.v1.schema.json";

    /**
     * The base of the schemas' {@code $id}s: where query-service serves them in the local run and Compose
     * ({@code GET /schemas/<file>}, which answers with {@code $id} set to the URL it was asked for).
     */
    static final String SCHEMA_BASE = "http://localhost:8080/schemas/";

    private static final JsonSchema RAW = load(RAW_RESOURCE);
    private static final JsonSchema ENRICHED = load(ENRICHED_RESOURCE);

    private PaperSchemas() {}

    /** The violations of a {@code papers.raw} value, empty when it is valid. */
    public static List<String> validateRaw(JsonNode value) {
        return messages(RAW, value);
    }

    /** The violations of a {@code papers.enriched} value, empty when it is valid. */
    public static List<String> validateEnriched(JsonNode value) {
        return messages(ENRICHED, value);
    }

    private static List<String> messages(JsonSchema schema, JsonNode value) {
        return schema.validate(value).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = PaperSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + resource);
            }
            JsonNode node = PaperJson.mapper().readTree(in);
            // The enriched schema refers to the raw one by its $id: resolve those ids from this jar, never the network.
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
            return factory.getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
