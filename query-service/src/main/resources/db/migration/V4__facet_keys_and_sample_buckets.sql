-- Facets of a search (or of any filter the counters cannot answer) count the matching papers' tags, link kinds and
-- hosts. Two additions make that cheap enough for broad searches:
--
-- 1. `facet_keys`: a paper's facet values in one short string, each as U+001E, a facet letter (t tag, k link kind,
--    h host) and the value. The service aggregates the matching rows' keys with string_agg and counts them itself:
--    one short value per row instead of three arrays that PostgreSQL would unnest and group row by row (three times
--    slower). Kept in the row (MAIN), not in TOAST.
-- 2. A sample bucket in the search vector: the lexeme 'sample N', N = hashtext(id) & 63, so 64 buckets of about equal
--    size, independent of a paper's content. A lexeme with a space cannot come out of parsing user text, so no search
--    can match it by accident. ANDing a search with 'sample 0' | ... | 'sample k-1' lets the GIN index select about k/64
--    of its matches, and facets of a search too broad to count within the request's budget are counted on that sample
--    and flagged as such (see PaperQueries.facets).
CREATE FUNCTION paper_facet_keys(tags text[], kinds text[], hosts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- array_to_string is only STABLE because of arrays of types whose output depends on settings; of text[] it is not
    RETURN coalesce(E'\x1et' || array_to_string(nullif(tags, '{}'), E'\x1et'), '')
        || coalesce(E'\x1ek' || array_to_string(nullif(kinds, '{}'), E'\x1ek'), '')
        || coalesce(E'\x1eh' || array_to_string(nullif(hosts, '{}'), E'\x1eh'), '');

-- one rewrite of the table for both columns; the search vector is the one of V2 plus the bucket lexeme
ALTER TABLE paper
    DROP COLUMN search,
    ADD COLUMN facet_keys text GENERATED ALWAYS AS (paper_facet_keys(tag_names, link_kinds, link_hosts)) STORED,
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A')
         || setweight(to_tsvector('english', CAST(keyphrases AS jsonb)), 'B')
         || setweight(to_tsvector('english', abstract), 'C')
         || array_to_tsvector(ARRAY['sample ' || CAST(hashtext(id) & 63 AS text)])) STORED,
    ALTER COLUMN facet_keys SET STORAGE MAIN;
CREATE INDEX paper_search ON paper USING gin (search);
