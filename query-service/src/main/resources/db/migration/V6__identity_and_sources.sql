-- One paper, one record (identity) and what the sources say.
-- aliases: the other ids a paper is known by (its DOI, title fingerprints, ids merged into it), so that a lookup by
--          any of them finds the paper; license and sources as the merged record gives them; author_words: the words
--          of the author names, folded (lower case, no accents), for the author filter; categories get an index now
--          that the API filters by them.
ALTER TABLE paper ADD COLUMN aliases      text[] NOT NULL DEFAULT '{}',
                  ADD COLUMN license      text,
                  ADD COLUMN sources      text,
                  ADD COLUMN author_words text[] NOT NULL DEFAULT '{}';
CREATE INDEX paper_aliases ON paper USING gin (aliases);
CREATE INDEX paper_categories ON paper USING gin (categories);
CREATE INDEX paper_author_words ON paper USING gin (author_words);

-- The sample (V4) holds the columns that filters read: the two new filters too.
ALTER TABLE paper_sample ADD COLUMN categories   text[] NOT NULL DEFAULT '{}',
                         ADD COLUMN author_words text[] NOT NULL DEFAULT '{}';
UPDATE paper_sample s SET categories = p.categories FROM paper p WHERE p.id = s.id;

CREATE OR REPLACE FUNCTION paper_sample_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM paper_sample s USING removed r WHERE s.id = r.id;
    ELSE
        INSERT INTO paper_sample AS s
        SELECT id, published_on, sort_date, tag_names, link_kinds, link_hosts, link_subjects, facet_keys, search,
               categories, author_words
        FROM added WHERE paper_sampled(id) ORDER BY id
        ON CONFLICT (id) DO UPDATE SET published_on = EXCLUDED.published_on, sort_date = EXCLUDED.sort_date,
            tag_names = EXCLUDED.tag_names, link_kinds = EXCLUDED.link_kinds, link_hosts = EXCLUDED.link_hosts,
            link_subjects = EXCLUDED.link_subjects, facet_keys = EXCLUDED.facet_keys, search = EXCLUDED.search,
            categories = EXCLUDED.categories, author_words = EXCLUDED.author_words;
    END IF;
    RETURN NULL;
END;
$$;
