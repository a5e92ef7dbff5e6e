package io.paperstream.enrich.messaging;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** A value on its way out of the resolver, with the topic it goes to ({@code bytes} null for a tombstone). */
record Routed(String topic, byte[] bytes) {
    static final Serializer<Routed> SERIALIZER = (topic, routed) -> routed == null ? null : routed.bytes();
    static final Serde<Routed> SERDE = Serdes.serdeFrom(SERIALIZER, (Deserializer<Routed>) (topic, data) -> {
        throw new UnsupportedOperationException("resolver outputs are not read back");
    });
}
