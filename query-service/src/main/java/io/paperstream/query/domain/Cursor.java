package io.paperstream.query.domain;

/**
 * A keyset position: the sort keys of the last paper of a page. {@code rank} is set for relevance order,
 * {@code sortDate} for date orders; {@code id} breaks ties. {@code filterHash} ties the cursor to the query that made it.
 */
public record Cursor(Sort sort, String sortDate, Float rank, String id, String filterHash) {
}
