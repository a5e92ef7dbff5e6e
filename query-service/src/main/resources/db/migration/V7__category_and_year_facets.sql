-- arXiv categories and publication years as facets, counted the same ways as tags, link kinds and hosts:
-- facet_count (V2) gets the facets 'category' and 'year' (kept by the same statement-level triggers, now over five
-- facets); facet_pair_count (V3) counts them among the papers of one tag, link kind or host (a paper with k of those
-- values and c categories and years adds k * (k + c) pairs), but not the pairs filtered by a category or a year: those
-- would double the pair trigger's cost per paper (49 → 100 pairs for 7 + 3 values), so the facets of one category or
-- one year count the matching papers, as any other filter does (their totals still come from facet_count); and
-- facet_keys (V4) gets them as 'c' and 'y' entries for that counting path.
-- A paper's year is the year of its publication date (a paper without one has no year, as from/to never select it),
-- so the year facet counts exactly the papers that from=YYYY-01-01&to=YYYY-12-31 selects.

-- (The year is written out in each function rather than taken from another: a SQL function that PostgreSQL does not
-- inline, such as one using array_to_string, plans the functions it calls again on every call: 3 times the cost of
-- inserting a paper.)

-- the (facet, value) pairs of one paper, over the five facets
CREATE FUNCTION paper_facet_values(tags text[], kinds text[], hosts text[], categories text[], published_on date)
    RETURNS TABLE (facet text, value text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'tag', unnest(tags) UNION ALL SELECT 'linkKind', unnest(kinds) UNION ALL SELECT 'host', unnest(hosts)
    UNION ALL SELECT 'category', unnest(categories)
    UNION ALL SELECT 'year', CAST(CAST(extract(year FROM published_on) AS integer) AS text) WHERE published_on IS NOT NULL
$$;

CREATE FUNCTION paper_facet_keys(tags text[], kinds text[], hosts text[], categories text[], published_on date)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    -- as V4's, with categories (c) and the year (y)
    RETURN coalesce(E'\x1et' || array_to_string(nullif(tags, '{}'), E'\x1et'), '')
        || coalesce(E'\x1ek' || array_to_string(nullif(kinds, '{}'), E'\x1ek'), '')
        || coalesce(E'\x1eh' || array_to_string(nullif(hosts, '{}'), E'\x1eh'), '')
        || coalesce(E'\x1ec' || array_to_string(nullif(categories, '{}'), E'\x1ec'), '')
        || coalesce(E'\x1ey' || CAST(CAST(extract(year FROM published_on) AS integer) AS text), '');

-- PostgreSQL 17: the generated column is recomputed for every row (one table rewrite)
ALTER TABLE paper ALTER COLUMN facet_keys
    SET EXPRESSION AS (paper_facet_keys(tag_names, link_kinds, link_hosts, categories, published_on));
UPDATE paper_sample s SET facet_keys = p.facet_keys FROM paper p WHERE p.id = s.id AND s.facet_keys <> p.facet_keys;

-- the counters of the new facets for the papers already stored
INSERT INTO facet_count (facet, value, papers)
SELECT v.facet, v.value, count(*)
FROM paper p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) v
WHERE v.facet IN ('category', 'year')
GROUP BY 1, 2;

INSERT INTO facet_pair_count (filter_facet, filter_value, facet, value, papers)
SELECT a.facet, a.value, b.facet, b.value, count(*)
FROM paper p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
     paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) b
WHERE b.facet IN ('category', 'year')
GROUP BY 1, 2, 3, 4;

-- the triggers' functions over the five facets (same structure and locking order as V2 and V3); pairs are filtered
-- by a tag, link kind or host only
CREATE OR REPLACE FUNCTION paper_facet_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO facet_count AS f (facet, value, papers)
        SELECT facet, value, sum(n) FROM (
            SELECT 'all', '', 1 FROM added
            UNION ALL SELECT v.facet, v.value, 1
            FROM added p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) v
        ) d(facet, value, n)
        GROUP BY facet, value ORDER BY facet, value
        ON CONFLICT (facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO facet_count AS f (facet, value, papers)
        SELECT facet, value, sum(n) FROM (
            SELECT v.facet, v.value, 1
            FROM added p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) v
            UNION ALL SELECT v.facet, v.value, -1
            FROM removed p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) v
        ) d(facet, value, n)
        GROUP BY facet, value HAVING sum(n) <> 0 ORDER BY facet, value
        ON CONFLICT (facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    ELSE
        INSERT INTO facet_count AS f (facet, value, papers)
        SELECT facet, value, -sum(n) FROM (
            SELECT 'all', '', 1 FROM removed
            UNION ALL SELECT v.facet, v.value, 1
            FROM removed p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) v
        ) d(facet, value, n)
        GROUP BY facet, value ORDER BY facet, value
        ON CONFLICT (facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION paper_facet_pair_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO facet_pair_count AS f (filter_facet, filter_value, facet, value, papers)
        SELECT a.facet, a.value, b.facet, b.value, count(*)
        FROM added p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
             paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) b
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (filter_facet, filter_value, facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO facet_pair_count AS f (filter_facet, filter_value, facet, value, papers)
        SELECT ff, fv, fa, va, sum(n) FROM (
            SELECT a.facet, a.value, b.facet, b.value, 1
            FROM added p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
                 paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) b
            UNION ALL
            SELECT a.facet, a.value, b.facet, b.value, -1
            FROM removed p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
                 paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) b
        ) d(ff, fv, fa, va, n)
        GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (filter_facet, filter_value, facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    ELSE
        INSERT INTO facet_pair_count AS f (filter_facet, filter_value, facet, value, papers)
        SELECT a.facet, a.value, b.facet, b.value, -count(*)
        FROM removed p, paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts) a,
             paper_facet_values(p.tag_names, p.link_kinds, p.link_hosts, p.categories, p.published_on) b
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (filter_facet, filter_value, facet, value) DO UPDATE SET papers = f.papers + EXCLUDED.papers;
    END IF;
    RETURN NULL;
END;
$$;


-- V4's three-facet form is no longer used
DROP FUNCTION paper_facet_keys(text[], text[], text[]);
