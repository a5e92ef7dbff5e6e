package io.paperstream.enrich.domain.identity;

import io.paperstream.events.RawPaper;

/** What resolving one record changed, in the order it must be published. */
public sealed interface Change {
    /** The merged paper under its canonical id (to {@code papers.resolved}). */
    record Upsert(RawPaper paper) implements Change {}

    /** A paper id that no longer names a paper of its own: merged away or deleted (a tombstone). */
    record Removed(String id) implements Change {}

    /** An alias now names this canonical paper (to {@code papers.aliases}). */
    record AliasSet(String alias, String canonical) implements Change {}

    /** An alias no longer names any paper (a tombstone on {@code papers.aliases}). */
    record AliasRemoved(String alias) implements Change {}
}
