package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.CloudEvents;
import io.paperstream.events.Topics;
import io.paperstream.testsupport.TopicMark;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The topic papers.raw as the ingest ITs see it: marks of its end offsets (test-support) and its events' headers. */
final class RawTopic {
    private RawTopic() {}

    /** The end offset of each partition of papers.raw now: {@code awaitRecords} and {@code written} count after it. */
    static TopicMark mark() {
        return TopicMark.now(Topics.RAW);
    }

    /** The record carries the CloudEvents binary-mode headers of a papers.raw event about its key. */
    static void assertCloudEvents(ConsumerRecord<String, String> record) {
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.SPEC_VERSION))
                .isEqualTo("1.0");
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.RAW_TYPE);
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.SOURCE))
                .isEqualTo("/paperstream/ingest-service");
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.SUBJECT))
                .isEqualTo(record.key());
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.ID)).isNotBlank();
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.TIME)).isNotBlank();
    }
}
