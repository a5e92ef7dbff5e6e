package io.paperstream.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperstream.events.PaperJson;
import io.paperstream.events.RawPaper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer of {@code papers.raw}: the contract's JSON (ISO dates); null stays null (a tombstone). */
public class RawPaperSerializer implements Serializer<RawPaper> {

    @Override
    public byte[] serialize(String topic, RawPaper paper) {
        if (paper == null) {
            return null;
        }
        try {
            return PaperJson.mapper().writeValueAsBytes(paper);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot serialise paper " + paper.id(), e);
        }
    }
}
