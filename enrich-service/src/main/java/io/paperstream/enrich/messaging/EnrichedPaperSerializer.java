package io.paperstream.enrich.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer of {@code papers.enriched}: the contract's JSON; null stays null (a tombstone). */
public class EnrichedPaperSerializer implements Serializer<EnrichedPaper> {
    @Override
    public byte[] serialize(String topic, EnrichedPaper paper) {
        if (paper == null) {
            return null;
        }
        try {
            return PaperJson.mapper().writeValueAsBytes(paper);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot serialize paper " + paper.id(), e);
        }
    }
}
