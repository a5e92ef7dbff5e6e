package io.paperstream.ingest.domain;

import io.paperstream.events.RawPaper;

import java.util.List;

/** Where accepted papers go: returns only once every paper of the chunk is durably stored (acknowledged). */
public interface PaperSink {

    /** @throws PublishFailedException when the papers could not be stored within the sink's time bound */
    void publish(List<RawPaper> papers);
}
