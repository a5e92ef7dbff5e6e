package io.paperstream.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** CloudEvents 1.0 binary-mode Kafka headers, as paperstream writes them on every record. */
public final class CloudEvents {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEvents() {}

    /** The headers of one event: a fresh {@code ce_id}, the given type and source, the paper id as subject. */
    public static Map<String, byte[]> headers(String type, String source, String subject, Instant time) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, bytes("1.0"));
        headers.put(ID, bytes(randomId().toString()));
        headers.put(TYPE, bytes(type));
        headers.put(SOURCE, bytes(source));
        headers.put(TIME, bytes(time.toString()));
        if (subject != null) {
            headers.put(SUBJECT, bytes(subject));
        }
        headers.put(CONTENT_TYPE, bytes("application/json"));
        return headers;
    }

    /**
     * A random (version 4) UUID from a non-blocking, non-cryptographic generator: an event id must be unique, not
     * unguessable, and {@code UUID.randomUUID()}'s SecureRandom was a measurable cost per published paper.
     */
    static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
