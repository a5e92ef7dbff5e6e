-- Facets of a search (or of any filter the counters cannot answer) count the matching papers' tags, link kinds and
-- hosts. Two additions make that cheap enough for broad searches:
--
-- 1. `facet_keys`: a paper's facet values in one short string, each as U+001E, a facet letter (t tag, k link kind,
--    h host) and the value. The service aggregates the matching rows' keys with string_agg and counts them itself:
--    one short value per row instead of three arrays that PostgreSQL would unnest and group row by row (three to four
--    times slower). Kept in the row (MAIN), not in TOAST.
-- 2. `paper_sample`: the papers whose id hashes into one of 8 buckets (about an eighth of them, independent of their
--    content), with what filters and facets read, in a table of its own kept in step by triggers in the writing
--    transaction. Reading the matches of a broad search costs about one visit per page of `paper` (every page, once
--    more than a few thousand papers match); the sample's pages are an eighth as many and hold only these columns.
--    Facets of a filter too broad to count within a request's budget are counted here and scaled up, flagged as such.
CREATE FUNCTION paper_facet_keys(tags text[], kinds text[], hosts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- array_to_string is only STABLE because of arrays of types whose output depends on settings; of text[] it is not
    RETURN coalesce(E'\x1et' || array_to_string(nullif(tags, '{}'), E'\x1et'), '')
        || coalesce(E'\x1ek' || array_to_string(nullif(kinds, '{}'), E'\x1ek'), '')
        || coalesce(E'\x1eh' || array_to_string(nullif(hosts, '{}'), E'\x1eh'), '');

ALTER TABLE paper
    ADD COLUMN facet_keys text GENERATED ALWAYS AS (paper_facet_keys(tag_names, link_kinds, link_hosts)) STORED,
    ALTER COLUMN facet_keys SET STORAGE MAIN;

-- whether a paper is in the sample: the same test in the triggers and in the first fill
CREATE FUNCTION paper_sampled(id text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN hashtext(id) & 7 = 0;

CREATE TABLE paper_sample (
    id            text PRIMARY KEY,
    published_on  date,
    sort_date     date     NOT NULL,
    tag_names     text[]   NOT NULL,
    link_kinds    text[]   NOT NULL,
    link_hosts    text[]   NOT NULL,
    link_subjects text[]   NOT NULL,
    facet_keys    text     NOT NULL,
    search        tsvector NOT NULL
) WITH (toast_tuple_target = 256);
ALTER TABLE paper_sample ALTER COLUMN tag_names SET STORAGE MAIN, ALTER COLUMN link_kinds SET STORAGE MAIN,
    ALTER COLUMN link_hosts SET STORAGE MAIN, ALTER COLUMN link_subjects SET STORAGE MAIN,
    ALTER COLUMN facet_keys SET STORAGE MAIN;
CREATE INDEX paper_sample_search ON paper_sample USING gin (search);

INSERT INTO paper_sample
SELECT id, published_on, sort_date, tag_names, link_kinds, link_hosts, link_subjects, facet_keys, search
FROM paper WHERE paper_sampled(id);

CREATE FUNCTION paper_sample_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- transition tables as in V2; ids never change, so an update replaces the sampled copy
    IF TG_OP = 'DELETE' THEN
        DELETE FROM paper_sample s USING removed r WHERE s.id = r.id;
    ELSE
        INSERT INTO paper_sample AS s
        SELECT id, published_on, sort_date, tag_names, link_kinds, link_hosts, link_subjects, facet_keys, search
        FROM added WHERE paper_sampled(id) ORDER BY id
        ON CONFLICT (id) DO UPDATE SET published_on = EXCLUDED.published_on, sort_date = EXCLUDED.sort_date,
            tag_names = EXCLUDED.tag_names, link_kinds = EXCLUDED.link_kinds, link_hosts = EXCLUDED.link_hosts,
            link_subjects = EXCLUDED.link_subjects, facet_keys = EXCLUDED.facet_keys, search = EXCLUDED.search;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER paper_sample_insert AFTER INSERT ON paper REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION paper_sample_sync();
CREATE TRIGGER paper_sample_update AFTER UPDATE ON paper REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION paper_sample_sync();
CREATE TRIGGER paper_sample_delete AFTER DELETE ON paper REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION paper_sample_sync();
