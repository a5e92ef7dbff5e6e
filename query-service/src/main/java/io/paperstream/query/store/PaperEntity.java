package io.paperstream.query.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stored paper row as read back for the API. Written only by {@link PaperWriter}'s set-based upsert; the derived
 * filter columns (tag_names, link_kinds, search, …) are not mapped because only SQL filters on them.
 */
@Entity
@Table(name = "paper")
public class PaperEntity {
    @Id
    public String id;

    public long revision;
    public String title;

    @Column(name = "abstract")
    public String abstractText;
    /** JSON array of author names. */
    public String authors;

    @Column(name = "arxiv_id")
    public String arxivId;

    public String doi;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "sort_date")
    public LocalDate sortDate;
    /** JSON array of tag objects (events.Tag). */
    public String tags;
    /** JSON array of link objects (events.Link). */
    public String links;
    /** JSON array of strings. */
    public String keyphrases;
    /** JSON object (events.EnrichedPaper.Enrichment). */
    public String enrichment;
    /** JSON object (events.RawPaper.Source). */
    public String source;

    @Column(name = "ingested_at")
    public OffsetDateTime ingestedAt;

    @Column(name = "stored_at")
    public OffsetDateTime storedAt;
    /** JSON array of the paper's other ids (the text[] column, read as JSON). */
    @org.hibernate.annotations.Formula("array_to_json(aliases)::text")
    public String aliases;
    /** JSON array of arXiv categories (the text[] column, read as JSON). */
    @org.hibernate.annotations.Formula("array_to_json(categories)::text")
    public String categories;

    public String license;
    /** JSON array of the sources that contributed (events.RawPaper.Source). */
    public String sources;
}
