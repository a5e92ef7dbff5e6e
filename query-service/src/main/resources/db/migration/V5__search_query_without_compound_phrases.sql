-- The tsquery of a search text. websearch_to_tsquery turns a hyphenated word into a phrase of the whole word and its
-- parts: 'state-of-the-art' <-> 'state' <3> 'art'. A phrase is checked against each candidate's positions, i.e. its
-- out-of-line search vector (about 7 µs a candidate here), and PostgreSQL estimates phrases far too low. The parser puts
-- the parts right after the whole word in every document, so a document has that phrase exactly when it has the whole
-- word's lexeme: the phrase is replaced by the lexeme, which the GIN index answers alone. Only for texts without
-- quotes: inside a quoted phrase the word's lexemes are linked to the phrase's other words and must stay. A chain is
-- replaced only if it starts with a word containing a hyphen (not with one: '-19' of 'covid-19' is a signed number, and
-- 'covid' <-> '-19' has no whole-word lexeme), starts an operand and ends one; any quote inside its lexemes stops the
-- match, which leaves the chain as it was.
-- Checked on 250 hyphenated words of the benchmark corpus, alone and negated: the same matches with and without.
CREATE FUNCTION paper_search_query(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN CASE WHEN strpos(q, '"') > 0 THEN websearch_to_tsquery('english', q)
        ELSE CAST(regexp_replace(CAST(websearch_to_tsquery('english', q) AS text),
            '(^|[&|] |!|\( )''([^''\- ][^'' ]*-[^'' ]*)''( <(-|[0-9]+)> ''[^'']*'')+(?=$| [&|)])', '\1''\2''', 'g')
            AS tsquery) END;
