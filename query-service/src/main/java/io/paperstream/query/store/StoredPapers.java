package io.paperstream.query.store;

import io.paperstream.events.EnrichedPaper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Papers as they are committed to the store, for the live stream; slow subscribers drop, never block the sink. */
@ApplicationScoped
public class StoredPapers {
    private final BroadcastProcessor<EnrichedPaper> processor = BroadcastProcessor.create();

    public void publish(EnrichedPaper paper) {
        processor.onNext(paper);
    }

    public Multi<EnrichedPaper> stream() {
        return processor.onOverflow().drop();
    }
}
