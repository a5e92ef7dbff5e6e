package io.paperstream.testsupport;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Headers of the records a test produces and reads: UTF-8 text, W3C trace context. */
public final class Records {
    /** The span id of the "caller" in the traceparent headers the tests send: no span of a service has it. */
    public static final String CALLER_SPAN = "00f067aa0ba902b7";

    private Records() {}

    /** The last header of that name as UTF-8 text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The record's W3C traceparent header, or "" when it has none. */
    public static String traceparent(ConsumerRecord<?, ?> record) {
        String traceparent = header(record, "traceparent");
        return traceparent == null ? "" : traceparent;
    }

    /** Headers of a record sent inside the trace {@code traceId}, by a caller whose span is {@link #CALLER_SPAN}. */
    public static RecordHeaders traced(String traceId) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", ("00-" + traceId + "-" + CALLER_SPAN + "-01").getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
