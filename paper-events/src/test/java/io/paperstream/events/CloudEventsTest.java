package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventsTest {
    @Test
    void everyEventGetsADistinctVersion4Id() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            Map<String, byte[]> headers =
                    CloudEvents.headers(Topics.RAW_TYPE, "/test", "arxiv:2501.00001", Instant.EPOCH);
            String id = new String(headers.get(CloudEvents.ID), StandardCharsets.UTF_8);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(ids.add(id)).isTrue();
        }
    }

    @Test
    void headersCarryTheAttributesInBinaryMode() {
        Map<String, byte[]> headers =
                CloudEvents.headers(Topics.RAW_TYPE, "/ingest", "doi:10.1/x", Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(headers)
                .containsOnlyKeys(
                        "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "content-type");
        assertThat(new String(headers.get("ce_time"), StandardCharsets.UTF_8)).isEqualTo("2025-03-14T09:30:00Z");
        assertThat(new String(headers.get("ce_subject"), StandardCharsets.UTF_8))
                .isEqualTo("doi:10.1/x");
    }
}
