package io.paperstream.query.store;

import io.paperstream.events.EnrichedPaper;

/**
 * A validated {@code papers.enriched} value to store: the parsed event (for the derived filter columns) and its
 * record text, which is handed to PostgreSQL as it came so that the batch is not serialised a second time; and where
 * the record was, for the dead-letter headers should the database refuse it.
 */
public record PaperUpsert(EnrichedPaper paper, String json, int partition, long offset) {}
