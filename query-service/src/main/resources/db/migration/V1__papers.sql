-- The read model of papers.enriched. One row per paper id; `revision` guards against out-of-order delivery.
-- JSON payloads are kept as text (read back whole); the columns that filters use are derived arrays with GIN indexes.
CREATE TABLE paper (
    id            text PRIMARY KEY,
    revision      bigint      NOT NULL,
    title         text        NOT NULL,
    abstract      text        NOT NULL,
    authors       text        NOT NULL DEFAULT '[]',
    arxiv_id      text,
    doi           text,
    published_on  date,
    -- published_on, else the ingest day: every paper has a place in date order
    sort_date     date        NOT NULL,
    categories    text[]      NOT NULL DEFAULT '{}',
    tags          text        NOT NULL DEFAULT '[]',
    links         text        NOT NULL DEFAULT '[]',
    keyphrases    text        NOT NULL DEFAULT '[]',
    enrichment    text,
    source        text,
    ingested_at   timestamptz,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    tag_names     text[]      NOT NULL DEFAULT '{}',
    link_kinds    text[]      NOT NULL DEFAULT '{}',
    link_hosts    text[]      NOT NULL DEFAULT '{}',
    link_subjects text[]      NOT NULL DEFAULT '{}',
    -- weighted: title (A) above keyphrases (B) above abstract (C)
    search        tsvector    NOT NULL
);

CREATE INDEX paper_sort_newest ON paper (sort_date DESC, id DESC);
CREATE INDEX paper_search ON paper USING gin (search);
CREATE INDEX paper_tag_names ON paper USING gin (tag_names);
CREATE INDEX paper_link_kinds ON paper USING gin (link_kinds);
CREATE INDEX paper_link_hosts ON paper USING gin (link_hosts);
CREATE INDEX paper_link_subjects ON paper USING gin (link_subjects);
CREATE INDEX paper_arxiv_id ON paper (arxiv_id) WHERE arxiv_id IS NOT NULL;
