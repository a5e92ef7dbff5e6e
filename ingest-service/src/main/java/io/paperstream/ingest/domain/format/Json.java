package io.paperstream.ingest.domain.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paperstream.ingest.domain.Violation;
import java.util.ArrayList;
import java.util.List;

/** Strict JSON reading (duplicate keys and trailing data refused, nesting bounded) and typed field access on trees. */
public final class Json {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        STRICT.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxNumberLength(100)
                        .maxStringLength(1_000_000)
                        .build());
    }

    private Json() {}

    /** The JSON value of a text; {@code lineOffset} turns the parser's line into the body's line (NDJSON). */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new UnreadableBodyException("the body is empty, a JSON value was expected", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UnreadableBodyException("malformed JSON: " + e.getOriginalMessage(), where, e);
        }
    }

    /** A string field: null when absent or null; a violation when it holds another type. */
    static String text(JsonNode object, String name, String field, List<Violation> errors) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(Violation.of(field, "wrong-type", field + " must be a string, not " + kind(value)));
            return null;
        }
        return value.textValue();
    }

    /** A list of strings; a single string counts as a list of one. */
    static List<String> texts(JsonNode object, String name, String field, List<Violation> errors) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            errors.add(Violation.of(field, "wrong-type", field + " must be an array of strings, not " + kind(value)));
            return List.of();
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual()) {
                out.add(item.textValue());
            } else {
                errors.add(Violation.of(
                        field + "[" + i + "]",
                        "wrong-type",
                        field + "[" + i + "] must be a string, not " + kind(item)));
            }
        }
        return out;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
