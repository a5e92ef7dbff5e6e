-- Facets of a drill-down: with one tag, one link kind or one host as the filter (the usual click in a facet list),
-- /facets reads counters instead of scanning every paper that has that value. facet_pair_count holds, for every
-- value a paper has, how many papers have it together with each other value (and with itself: the filter's total).
-- Kept exact by the same statement-level triggers as facet_count (V2), in the writing transaction; a paper with k
-- facet values contributes k * k pairs, summed per statement before they touch the table.
CREATE TABLE facet_pair_count (
    filter_facet text   NOT NULL,  -- 'tag', 'linkKind', 'host': the value the papers are filtered by
    filter_value text   NOT NULL,
    facet        text   NOT NULL,  -- 'tag', 'linkKind', 'host': the value counted among them
    value        text   NOT NULL,
    papers       bigint NOT NULL,
    PRIMARY KEY (filter_facet, filter_value, facet, value)
);
CREATE INDEX facet_pair_count_top ON facet_pair_count (filter_facet, filter_value, facet, papers DESC, value);

-- the (facet, value) pairs of one paper
CREATE FUNCTION paper_facet_values(tags text[], kinds text[], hosts text[]) RETURNS TABLE (facet text, value text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'tag', unnest(tags) UNION ALL SELECT 'linkKind', unnest(kinds) UNION ALL SELECT 'host', unnest(hosts)
$$;

INSERT INTO facet_pair_count (filter_facet, filter_value, facet, value, papers)
SELECT a.facet, a.value, b.facet, b.value, count(*)
FROM paper p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
     paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) b
GROUP BY 1, 2, 3, 4;

CREATE FUNCTION paper_facet_pair_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- transition tables: `added` exists for INSERT and UPDATE, `removed` for UPDATE and DELETE; deltas are applied
    -- in key order so that concurrent writers cannot deadlock, and pairs whose delta is 0 (an update that did not
    -- change the paper's values) are not touched at all
    IF TG_OP = 'INSERT' THEN
        INSERT INTO facet_pair_count AS f (filter_facet, filter_value, facet, value, papers)
        SELECT a.facet, a.value, b.facet, b.value, count(*)
        FROM added p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
             paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) b
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (filter_facet, filter_value, facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO facet_pair_count AS f (filter_facet, filter_value, facet, value, papers)
        SELECT ff, fv, fa, va, sum(n) FROM (
            SELECT a.facet, a.value, b.facet, b.value, 1
            FROM added p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
                 paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) b
            UNION ALL
            SELECT a.facet, a.value, b.facet, b.value, -1
            FROM removed p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
                 paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) b) d(ff, fv, fa, va, n)
        GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (filter_facet, filter_value, facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    ELSE
        INSERT INTO facet_pair_count AS f (filter_facet, filter_value, facet, value, papers)
        SELECT a.facet, a.value, b.facet, b.value, -count(*)
        FROM removed p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
             paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) b
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (filter_facet, filter_value, facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER paper_facet_pair_counts_insert AFTER INSERT ON paper REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION paper_facet_pair_counts();
CREATE TRIGGER paper_facet_pair_counts_update AFTER UPDATE ON paper REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION paper_facet_pair_counts();
CREATE TRIGGER paper_facet_pair_counts_delete AFTER DELETE ON paper REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION paper_facet_pair_counts();
