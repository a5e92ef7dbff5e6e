package io.paperstream.query.domain;

/**
 * A keyset position: the sort keys of the last paper of a page. Date orders use {@code sortDate} and {@code id};
 * relevance adds the relevance {@code tier} (3 title, 2 keyphrases, 1 elsewhere) in front. {@code filterHash} ties
 * the cursor to the query that made it.
 */
public record Cursor(Sort sort, String sortDate, int tier, String id, String filterHash) {}
