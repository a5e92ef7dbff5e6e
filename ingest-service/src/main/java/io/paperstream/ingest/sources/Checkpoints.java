package io.paperstream.ingest.sources;

import java.util.Optional;

/** Where harvests keep their position: one JSON value per key, durable once {@link #put} returns. */
public interface Checkpoints {
    Optional<String> get(String key);

    /** @throws SourceFailure when the checkpoint could not be stored */
    void put(String key, String json);
}
