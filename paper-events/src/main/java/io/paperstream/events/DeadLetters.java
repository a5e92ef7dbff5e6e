package io.paperstream.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every dead-letter record carries (papers.raw.dlq, papers.enriched.dlq), whichever stage wrote it. The
 * record keeps the original key and bytes, and the original's own headers (trace context) where the stage had them.
 */
public final class DeadLetters {
    /** Why the record was refused, in words (a schema violation, the exception's message). */
    public static final String REASON = "dead-letter-reason";
    /** The Java class of the exception that refused it. */
    public static final String CAUSE = "dead-letter-cause";
    /** Where the original was read: topic, partition, offset (partition and offset when the stage knows them). */
    public static final String TOPIC = "dead-letter-topic";

    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetters() {}

    /**
     * The dead-letter headers, in order; {@code partition} and {@code offset} are left out when negative (unknown).
     * A null reason becomes the cause's class name.
     */
    public static Map<String, byte[]> headers(
            String reason, Throwable cause, String topic, int partition, long offset) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        String causeName = cause == null ? "" : cause.getClass().getName();
        headers.put(REASON, bytes(reason != null ? reason : cause != null ? cause.toString() : "refused"));
        if (cause != null) {
            headers.put(CAUSE, bytes(causeName));
        }
        headers.put(TOPIC, bytes(topic));
        if (partition >= 0) {
            headers.put(PARTITION, bytes(Integer.toString(partition)));
        }
        if (offset >= 0) {
            headers.put(OFFSET, bytes(Long.toString(offset)));
        }
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
