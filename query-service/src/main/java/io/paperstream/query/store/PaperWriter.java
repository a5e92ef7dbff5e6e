package io.paperstream.query.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.PaperJson;
import io.paperstream.events.Tag;
import io.paperstream.query.domain.Normalise;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies a batch of papers to PostgreSQL in the session's transaction: a delete of the tombstoned ids, then one
 * set-based upsert of the whole batch (one round trip, rows passed as one JSON document) guarded by revision, which
 * also announces the stored ids with {@code pg_notify} so that every replica's live stream sees them after commit.
 */
@ApplicationScoped
public class PaperWriter {
    /** The LISTEN/NOTIFY channel; payload: stored paper ids separated by newlines (never in an id). */
    public static final String STORED_CHANNEL = "paper_stored";

    /**
     * Each row is {@code {"e": <the record as consumed>, "tn": tag names, "lk": link kinds, "lh": hosts, "ls": subjects,
     * "cat": categories, "al": aliases, "aw": author words}}: the derived values are computed in Java (cheaper than per-row sub-selects), the record is
     * spliced in as received (no second serialisation). The batch is parsed once, then existing papers are updated and
     * new ones inserted, so that the generated search vector is computed once per written row and never for a stale
     * revision. The revision guard is {@code <=}: an equal revision is applied again so that a replay after a taxonomy
     * change (same raw revision, new enrichment) replaces the tags; a lower revision never overwrites a higher one.
     * {@code ON CONFLICT} covers a paper inserted concurrently (a rebalance can briefly hand a partition to two
     * consumers). Notification payloads are cut below PostgreSQL's 8000-byte limit. Answers how many rows were written.
     */
    static final String UPSERT = """
            WITH batch AS MATERIALIZED (
              SELECT r.e->>'id' AS id, CAST(r.e->>'revision' AS bigint) AS revision, p->>'title' AS title,
                     p->>'abstract' AS abstract, coalesce(p->'authors', '[]'::jsonb)::text AS authors,
                     p->>'arxivId' AS arxiv_id, p->>'doi' AS doi, CAST(p->>'publishedOn' AS date) AS published_on,
                     coalesce(CAST(p->>'publishedOn' AS date),
                              CAST(CAST(p->>'ingestedAt' AS timestamptz) AT TIME ZONE 'UTC' AS date), current_date) AS sort_date,
                     r.cat AS categories, coalesce(r.e->'tags', '[]'::jsonb)::text AS tags,
                     coalesce(r.e->'links', '[]'::jsonb)::text AS links,
                     coalesce(r.e->'keyphrases', '[]'::jsonb)::text AS keyphrases, (r.e->'enrichment')::text AS enrichment,
                     (p->'source')::text AS source, CAST(p->>'ingestedAt' AS timestamptz) AS ingested_at,
                     r.tn AS tag_names, r.lk AS link_kinds, r.lh AS link_hosts, r.ls AS link_subjects,
                     r.al AS aliases, p->>'license' AS license, (p->'sources')::text AS sources, r.aw AS author_words
              FROM jsonb_to_recordset(CAST(CAST(?1 AS text) AS jsonb))
                     AS r(e jsonb, tn text[], lk text[], lh text[], ls text[], cat text[], al text[], aw text[])
              CROSS JOIN LATERAL (SELECT r.e->'paper' AS p) x),
            updated AS (
              UPDATE paper SET
                  revision = b.revision, title = b.title, abstract = b.abstract, authors = b.authors,
                  arxiv_id = b.arxiv_id, doi = b.doi, published_on = b.published_on, sort_date = b.sort_date,
                  categories = b.categories, tags = b.tags, links = b.links, keyphrases = b.keyphrases,
                  enrichment = b.enrichment, source = b.source, ingested_at = b.ingested_at, stored_at = now(),
                  tag_names = b.tag_names, link_kinds = b.link_kinds, link_hosts = b.link_hosts,
                  link_subjects = b.link_subjects, aliases = b.aliases, license = b.license, sources = b.sources,
                  author_words = b.author_words
              FROM batch b
              WHERE paper.id = b.id AND paper.revision <= b.revision
              RETURNING paper.id),
            inserted AS (
              INSERT INTO paper (id, revision, title, abstract, authors, arxiv_id, doi, published_on, sort_date,
                                 categories, tags, links, keyphrases, enrichment, source, ingested_at, stored_at,
                                 tag_names, link_kinds, link_hosts, link_subjects, aliases, license, sources,
                                 author_words)
              SELECT b.id, b.revision, b.title, b.abstract, b.authors, b.arxiv_id, b.doi, b.published_on, b.sort_date,
                     b.categories, b.tags, b.links, b.keyphrases, b.enrichment, b.source, b.ingested_at, now(),
                     b.tag_names, b.link_kinds, b.link_hosts, b.link_subjects, b.aliases, b.license, b.sources,
                     b.author_words
              FROM batch b
              WHERE NOT EXISTS (SELECT 1 FROM paper e WHERE e.id = b.id)
              ON CONFLICT (id) DO UPDATE SET
                  revision = EXCLUDED.revision, title = EXCLUDED.title, abstract = EXCLUDED.abstract,
                  authors = EXCLUDED.authors, arxiv_id = EXCLUDED.arxiv_id, doi = EXCLUDED.doi,
                  published_on = EXCLUDED.published_on, sort_date = EXCLUDED.sort_date, categories = EXCLUDED.categories,
                  tags = EXCLUDED.tags, links = EXCLUDED.links, keyphrases = EXCLUDED.keyphrases,
                  enrichment = EXCLUDED.enrichment, source = EXCLUDED.source, ingested_at = EXCLUDED.ingested_at,
                  stored_at = EXCLUDED.stored_at, tag_names = EXCLUDED.tag_names, link_kinds = EXCLUDED.link_kinds,
                  link_hosts = EXCLUDED.link_hosts, link_subjects = EXCLUDED.link_subjects,
                  aliases = EXCLUDED.aliases, license = EXCLUDED.license, sources = EXCLUDED.sources,
                  author_words = EXCLUDED.author_words
              WHERE paper.revision <= EXCLUDED.revision
              RETURNING paper.id),
            stored AS (SELECT id FROM updated UNION ALL SELECT id FROM inserted)
            SELECT CAST(coalesce(sum(n), 0) AS bigint) FROM (
              SELECT count(*) AS n, pg_notify('paper_stored', string_agg(id, E'\\n'))
              FROM (SELECT id, sum(octet_length(id) + 1) OVER (ORDER BY id) / 7000 AS chunk FROM stored) c
              GROUP BY chunk) notified
            """;
    // Parameters are bound as text and cast in SQL: the reactive driver would otherwise take the cast's type as the
    // parameter's type and encode a Java String as a JSON string, or refuse it for text[].
    static final String DELETE = "DELETE FROM paper WHERE id = ANY(CAST(CAST(?1 AS text) AS text[]))";

    /**
     * Deletes the ids, then upserts the rows written by {@link #rowsJson} ({@code null}: none; at most one per id), in
     * the session's current transaction. Answers how many papers were written (a stale revision is not). The rows are
     * written by the caller: the sink does it, with the parsing, on a worker thread, off the event loop that also runs
     * the database connection, the consumers' offset commits and their rebalance callbacks.
     */
    public Uni<Long> apply(Mutiny.Session session, String rows, Collection<String> deletes) {
        Uni<Void> deleted = deletes.isEmpty()
                ? Uni.createFrom().voidItem()
                : session.createNativeQuery(DELETE)
                        .setParameter(1, pgTextArray(deletes))
                        .executeUpdate()
                        .replaceWithVoid();
        if (rows == null) {
            return deleted.replaceWith(0L);
        }
        return deleted.chain(() -> session.createNativeQuery(UPSERT, Long.class)
                .setParameter(1, rows)
                .getSingleResult());
    }

    /** The upsert's parameter: one JSON array of the rows, each the record as consumed plus its derived values. */
    public static String rowsJson(Collection<PaperUpsert> upserts) {
        SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
        try (JsonGenerator g = PaperJson.mapper().getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (PaperUpsert u : upserts) {
                EnrichedPaper p = u.paper();
                Set<String> tags = new LinkedHashSet<>();
                Set<String> kinds = new LinkedHashSet<>();
                Set<String> hosts = new LinkedHashSet<>();
                Set<String> subjects = new LinkedHashSet<>();
                for (Tag t : p.tags()) {
                    tags.add(Normalise.tag(t.name()));
                }
                for (Link l : p.links()) {
                    kinds.add(l.kind().wireName());
                    hosts.add(Normalise.host(l.host()));
                    if (l.subject() != null && !l.subject().isBlank()) {
                        subjects.add(Normalise.subject(l.subject()));
                    }
                }
                g.writeStartObject();
                array(g, "tn", tags);
                array(g, "lk", kinds);
                array(g, "lh", hosts);
                array(g, "ls", subjects);
                // distinct: a category counts once in its facet, as the filter selects a paper once
                array(g, "cat", new LinkedHashSet<>(p.paper().categories()));
                array(g, "al", p.paper().aliases());
                array(g, "aw", Normalise.authorWords(p.paper().authors()));
                g.writeFieldName("e");
                // validated JSON (one complete object, see BatchPlan), so it can be spliced in as it came
                g.writeRawValue(u.json());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.flush();
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a batch of papers", e);
        }
    }

    private static void array(JsonGenerator g, String name, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** A PostgreSQL text[] literal; values are quoted and escaped, so any character is safe. */
    static String pgTextArray(Collection<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
