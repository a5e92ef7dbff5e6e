package io.paperstream.testsupport;

import static io.paperstream.testsupport.DeadLetterAssert.assertThatDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.events.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The shared assertions pass on a dead letter as the stages write it and fail, naming the header, on any other. */
class DeadLetterAssertTest {
    static ConsumerRecord<String, String> deadLetter(String value, Map<String, byte[]> headers) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>("papers.raw.dlq", 0, 0L, "arxiv:2601.00002", value);
        headers.forEach((name, bytes) -> record.headers().add(name, bytes));
        return record;
    }

    @Test
    void aDeadLetterAsTheStagesWriteItPasses() {
        var record = deadLetter(
                "{not json",
                DeadLetters.headers("value is not JSON", new IllegalArgumentException(), "papers.raw", -1, -1));
        assertThatDeadLetter(record)
                .hasReasonContaining("not JSON")
                .hasReasonStartingWith("value is")
                .hasValue("{not json")
                .wasReadFrom("papers.raw")
                .hasCause()
                .hasNoOffset();
    }

    @Test
    void eachAssertionFailsOnADifferentDeadLetter() {
        var record =
                deadLetter("{other", DeadLetters.headers("refused by the database", null, "papers.enriched", 2, 7));
        assertThatThrownBy(() -> assertThatDeadLetter(record).hasReasonContaining("not JSON"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(DeadLetters.REASON);
        assertThatThrownBy(() -> assertThatDeadLetter(record).hasReasonStartingWith("value"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThatDeadLetter(record).hasValue("{not json"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThatDeadLetter(record).wasReadFrom("papers.raw"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(DeadLetters.TOPIC);
        assertThatThrownBy(() -> assertThatDeadLetter(record).hasCause()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThatDeadLetter(record).hasNoOffset()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThatDeadLetter(deadLetter("x", Map.of())).hasReasonContaining(""))
                .as("no reason header at all")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void tracedHeadersAndTheirReading() {
        var record = deadLetter("x", Map.of());
        assertThat(Records.traceparent(record)).isEmpty();
        assertThat(Records.header(record, "traceparent")).isNull();
        Records.traced("5bf92f3577b34da6a3ce929d0e0e4736")
                .forEach(h -> record.headers().add(h));
        assertThat(Records.traceparent(record))
                .isEqualTo("00-5bf92f3577b34da6a3ce929d0e0e4736-" + Records.CALLER_SPAN + "-01");
        record.headers().add("x", "ü".getBytes(StandardCharsets.UTF_8));
        assertThat(Records.header(record, "x")).isEqualTo("ü");
    }
}
