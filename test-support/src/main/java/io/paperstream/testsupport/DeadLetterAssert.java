package io.paperstream.testsupport;

import io.paperstream.events.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a dead-letter record (papers.raw.dlq, papers.enriched.dlq): the headers of paper-events'
 * {@link DeadLetters} every stage writes, and the original bytes it keeps.
 */
public final class DeadLetterAssert extends AbstractAssert<DeadLetterAssert, ConsumerRecord<String, String>> {
    private DeadLetterAssert(ConsumerRecord<String, String> record) {
        super(record, DeadLetterAssert.class);
    }

    public static DeadLetterAssert assertThatDeadLetter(ConsumerRecord<String, String> record) {
        return new DeadLetterAssert(record);
    }

    /** The reason header, to assert on as text. */
    public AbstractStringAssert<?> reason() {
        isNotNull();
        return Assertions.assertThat(Records.header(actual, DeadLetters.REASON))
                .as("%s of the dead letter %s", DeadLetters.REASON, actual.key());
    }

    public DeadLetterAssert hasReasonContaining(String words) {
        reason().contains(words);
        return this;
    }

    public DeadLetterAssert hasReasonStartingWith(String words) {
        reason().startsWith(words);
        return this;
    }

    /** The original value, as it was read (a dead letter keeps the bytes). */
    public DeadLetterAssert hasValue(String original) {
        isNotNull();
        Assertions.assertThat(actual.value())
                .as("value of the dead letter %s", actual.key())
                .isEqualTo(original);
        return this;
    }

    /** Where the original was read, and the class of what refused it. */
    public DeadLetterAssert wasReadFrom(String topic) {
        isNotNull();
        Assertions.assertThat(Records.header(actual, DeadLetters.TOPIC))
                .as("%s of the dead letter %s", DeadLetters.TOPIC, actual.key())
                .isEqualTo(topic);
        return this;
    }

    public DeadLetterAssert hasCause() {
        isNotNull();
        Assertions.assertThat(Records.header(actual, DeadLetters.CAUSE))
                .as("%s of the dead letter %s", DeadLetters.CAUSE, actual.key())
                .isNotBlank();
        return this;
    }

    /** No offset header: the stage did not know where it read the original (a repartition topic). */
    public DeadLetterAssert hasNoOffset() {
        isNotNull();
        Assertions.assertThat(Records.header(actual, DeadLetters.OFFSET))
                .as("%s of the dead letter %s", DeadLetters.OFFSET, actual.key())
                .isNull();
        return this;
    }
}
