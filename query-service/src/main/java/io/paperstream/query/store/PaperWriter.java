package io.paperstream.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.ZoneOffset;
import java.util.Collection;


/**
 * Applies a batch of papers to PostgreSQL in one statement per kind: a set-based upsert (one round trip for the whole
 * batch, rows passed as one JSON document) guarded by revision, and a delete for tombstones.
 */
@ApplicationScoped
public class PaperWriter {
    /**
     * The revision guard is {@code <=}: an equal revision is applied again so that a replay after a taxonomy change
     * (same raw revision, new enrichment) replaces the tags; a lower revision never overwrites a higher one.
     */
    static final String UPSERT = """
            INSERT INTO paper (id, revision, title, abstract, authors, arxiv_id, doi, published_on, sort_date, categories,
                               tags, links, keyphrases, enrichment, source, ingested_at, stored_at,
                               tag_names, link_kinds, link_hosts, link_subjects, search)
            SELECT r.id, r.revision, r.title, r.abstract, r.authors::text, r.arxiv_id, r.doi, r.published_on,
                   coalesce(r.published_on, (r.ingested_at AT TIME ZONE 'UTC')::date, current_date),
                   ARRAY(SELECT jsonb_array_elements_text(r.categories)),
                   r.tags::text, r.links::text, r.keyphrases::text, r.enrichment::text, r.source::text, r.ingested_at, now(),
                   ARRAY(SELECT DISTINCT t->>'name' FROM jsonb_array_elements(r.tags) t),
                   ARRAY(SELECT DISTINCT l->>'kind' FROM jsonb_array_elements(r.links) l),
                   ARRAY(SELECT DISTINCT l->>'host' FROM jsonb_array_elements(r.links) l),
                   ARRAY(SELECT DISTINCT lower(l->>'subject') FROM jsonb_array_elements(r.links) l WHERE l->>'subject' IS NOT NULL),
                   setweight(to_tsvector('english', r.title), 'A')
                     || setweight(to_tsvector('english', coalesce((SELECT string_agg(k, ' ') FROM jsonb_array_elements_text(r.keyphrases) k), '')), 'B')
                     || setweight(to_tsvector('english', r.abstract), 'C')
            FROM jsonb_to_recordset(CAST(CAST(?1 AS text) AS jsonb)) AS r(id text, revision bigint, title text, abstract text,
                   authors jsonb, arxiv_id text, doi text, published_on date, categories jsonb, tags jsonb, links jsonb,
                   keyphrases jsonb, enrichment jsonb, source jsonb, ingested_at timestamptz)
            ON CONFLICT (id) DO UPDATE SET
                revision = EXCLUDED.revision, title = EXCLUDED.title, abstract = EXCLUDED.abstract,
                authors = EXCLUDED.authors, arxiv_id = EXCLUDED.arxiv_id, doi = EXCLUDED.doi,
                published_on = EXCLUDED.published_on, sort_date = EXCLUDED.sort_date, categories = EXCLUDED.categories,
                tags = EXCLUDED.tags, links = EXCLUDED.links, keyphrases = EXCLUDED.keyphrases,
                enrichment = EXCLUDED.enrichment, source = EXCLUDED.source, ingested_at = EXCLUDED.ingested_at,
                stored_at = EXCLUDED.stored_at, tag_names = EXCLUDED.tag_names, link_kinds = EXCLUDED.link_kinds,
                link_hosts = EXCLUDED.link_hosts, link_subjects = EXCLUDED.link_subjects, search = EXCLUDED.search
            WHERE paper.revision <= EXCLUDED.revision
            """;
    // Parameters are bound as text and cast in SQL: the reactive driver would otherwise take the cast's type as the
    // parameter's type and encode a Java String as a JSON string, or refuse it for text[].
    static final String DELETE = "DELETE FROM paper WHERE id = ANY(CAST(CAST(?1 AS text) AS text[]))";

    /** Upserts the papers (at most one per id) and deletes the ids, in the session's current transaction. */
    public Uni<Void> apply(Mutiny.Session session, Collection<EnrichedPaper> upserts, Collection<String> deletes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!upserts.isEmpty()) {
            String rows = rowsJson(upserts);
            chain = chain.chain(() -> session.createNativeQuery(UPSERT).setParameter(1, rows).executeUpdate()).replaceWithVoid();
        }
        if (!deletes.isEmpty()) {
            String ids = pgTextArray(deletes);
            chain = chain.chain(() -> session.createNativeQuery(DELETE).setParameter(1, ids).executeUpdate()).replaceWithVoid();
        }
        return chain;
    }

    private static String rowsJson(Collection<EnrichedPaper> papers) {
        ArrayNode rows = PaperJson.mapper().createArrayNode();
        for (EnrichedPaper p : papers) {
            ObjectNode row = rows.addObject();
            row.put("id", p.id());
            row.put("revision", p.revision());
            row.put("title", p.paper().title());
            row.put("abstract", p.paper().abstractText());
            row.set("authors", PaperJson.mapper().valueToTree(p.paper().authors()));
            row.put("arxiv_id", p.paper().arxivId());
            row.put("doi", p.paper().doi());
            row.put("published_on", p.paper().publishedOn() == null ? null : p.paper().publishedOn().toString());
            row.set("categories", PaperJson.mapper().valueToTree(p.paper().categories()));
            row.set("tags", PaperJson.mapper().valueToTree(p.tags()));
            row.set("links", PaperJson.mapper().valueToTree(p.links()));
            row.set("keyphrases", PaperJson.mapper().valueToTree(p.keyphrases()));
            row.set("enrichment", PaperJson.mapper().valueToTree(p.enrichment()));
            row.set("source", PaperJson.mapper().valueToTree(p.paper().source()));
            row.put("ingested_at", p.paper().ingestedAt() == null ? null
                    : p.paper().ingestedAt().atOffset(ZoneOffset.UTC).toString());
        }
        try {
            return PaperJson.mapper().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a batch of papers", e);
        }
    }

    /** A PostgreSQL text[] literal; ids are quoted and escaped, so any character is safe. */
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
