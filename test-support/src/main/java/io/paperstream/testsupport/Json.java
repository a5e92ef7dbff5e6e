package io.paperstream.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;

/** JSON in tests, with the contract's mapper (paper-events' PaperJson); a failure is the test's failure. */
public final class Json {
    private Json() {}

    public static JsonNode read(String json) {
        try {
            return PaperJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return PaperJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
