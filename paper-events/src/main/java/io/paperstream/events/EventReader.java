package io.paperstream.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Reading one record of papers.raw / papers.resolved ({@link RawPaper}) or papers.enriched ({@link EnrichedPaper}),
 * the same way in every consumer: the key is a paper id, the bytes are UTF-8, the text is one JSON value, the value
 * satisfies the v1 schema, and the key equals the paper's id. What fails throws {@link InvalidEventException} with
 * the reason a dead letter carries. (Tombstones — null values — are the caller's business.)
 */
public final class EventReader {
    private static final ObjectReader READER = PaperJson.mapper()
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // exactly one JSON value per record

    private EventReader() {}

    /** A record that is not a valid paper event; the message is the reason, in words. */
    public static final class InvalidEventException extends IllegalArgumentException {
        public InvalidEventException(String reason) {
            super(reason);
        }
    }

    public static RawPaper raw(String key, byte[] value) {
        return read(key, utf8(value), "RawPaper", PaperSchemas::validateRaw, RawPaper.class, RawPaper::id);
    }

    public static EnrichedPaper enriched(String key, byte[] value) {
        return enriched(key, utf8(value));
    }

    /** For a consumer that decoded the bytes already. */
    public static EnrichedPaper enriched(String key, String value) {
        return read(
                key, value, "EnrichedPaper", PaperSchemas::validateEnriched, EnrichedPaper.class, EnrichedPaper::id);
    }

    private static <T> T read(
            String key,
            String text,
            String type,
            Function<JsonNode, List<String>> schema,
            Class<T> as,
            Function<T, String> id) {
        if (key == null || !PaperIds.isValid(key)) {
            throw new InvalidEventException("record key is not a paper id: " + key);
        }
        JsonNode json;
        try {
            json = READER.readTree(text);
        } catch (Exception e) {
            throw new InvalidEventException("value is not JSON: " + firstLine(e.getMessage()));
        }
        if (json == null || json.isMissingNode()) {
            throw new InvalidEventException("value is not JSON: empty");
        }
        List<String> violations = schema.apply(json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(
                    "value violates the " + type + " v1 schema: " + String.join("; ", violations));
        }
        T value;
        try {
            value = PaperJson.mapper().treeToValue(json, as);
        } catch (Exception e) {
            throw new InvalidEventException("value is not a valid " + type + ": " + firstLine(e.getMessage()));
        }
        if (!key.equals(id.apply(value))) {
            throw new InvalidEventException(
                    "record key '" + key + "' differs from the paper id '" + id.apply(value) + "'");
        }
        return value;
    }

    private static String utf8(byte[] value) {
        // The JDK's own decoder is several times faster than a CharsetDecoder but replaces malformed input with
        // U+FFFD; only a value whose text holds U+FFFD (malformed, or a genuine replacement character) is decoded
        // again strictly to tell the two apart.
        String text = new String(value, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("value is not valid UTF-8");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
