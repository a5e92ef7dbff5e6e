-- The search vector becomes a generated column: PostgreSQL derives it from the row's own text on every write, so it
-- can never disagree with the title, keyphrases or abstract, and any writer (the sink, a COPY, a repair script) gets it
-- right. Weights as before: title (A) above keyphrases (B) above abstract (C).
DROP INDEX paper_search;
ALTER TABLE paper DROP COLUMN search;
ALTER TABLE paper ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
     || setweight(to_tsvector('english', CAST(keyphrases AS jsonb)), 'B')
     || setweight(to_tsvector('english', abstract), 'C')) STORED;
CREATE INDEX paper_search ON paper USING gin (search);
