package io.paperstream.query.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperJson;

/** An event back to the bytes of its record, for dead-lettering a paper that was parsed but could not be stored. */
final class PaperJsonBytes {
    private PaperJsonBytes() {
    }

    static byte[] of(EnrichedPaper paper) {
        try {
            return PaperJson.mapper().writeValueAsBytes(paper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
