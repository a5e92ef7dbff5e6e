package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static Map<String, String> text(Map<String, byte[]> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void everyHeaderWhereTheStageKnowsIt() {
        assertThat(text(DeadLetters.headers("not JSON", new IllegalArgumentException("x"), Topics.RAW, 3, 42)))
                .containsExactly(
                        Map.entry("dead-letter-reason", "not JSON"),
                        Map.entry("dead-letter-cause", "java.lang.IllegalArgumentException"),
                        Map.entry("dead-letter-topic", "papers.raw"),
                        Map.entry("dead-letter-partition", "3"),
                        Map.entry("dead-letter-offset", "42"));
    }

    @Test
    void unknownPositionAndReasonAreLeftOutOrDerived() {
        assertThat(text(DeadLetters.headers(null, new IllegalStateException("boom"), Topics.ENRICHED, -1, -1)))
                .containsExactly(
                        Map.entry("dead-letter-reason", "java.lang.IllegalStateException: boom"),
                        Map.entry("dead-letter-cause", "java.lang.IllegalStateException"),
                        Map.entry("dead-letter-topic", "papers.enriched"));
    }
}
