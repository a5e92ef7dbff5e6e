package io.paperstream.ingest.domain;

import io.paperstream.events.RawPaper;
import java.util.List;

/** Where accepted papers go: a chunk counts as published only once every paper of it is durably stored (acknowledged). */
public interface PaperSink {

    /** @throws PublishFailedException when the papers could not be stored within the sink's time bound */
    void publish(List<RawPaper> papers);

    /**
     * Publishes the deletion of the paper with this id (a tombstone downstream). Sinks that only collect papers (tests,
     * fixtures) do not support it.
     *
     * @throws PublishFailedException when the tombstone could not be stored within the sink's time bound
     */
    default void tombstone(String id) {
        throw new UnsupportedOperationException("this sink does not publish tombstones");
    }

    /**
     * Starts publishing a chunk and returns at once; {@link Pending#await()} returns when it is acknowledged. Sinks that
     * cannot overlap chunks publish here and return a completed handle.
     */
    default Pending send(List<RawPaper> papers) {
        publish(papers);
        return () -> {};
    }

    /** A chunk on its way to the sink. */
    interface Pending {
        /** @throws PublishFailedException when the chunk could not be stored within the sink's time bound */
        void await();
    }
}
