package io.paperstream.enrich.domain;

import io.paperstream.enrich.domain.keyphrases.KeyphraseExtractor;
import io.paperstream.enrich.domain.links.LinkExtractor;
import io.paperstream.enrich.domain.tags.Tagger;
import io.paperstream.enrich.domain.tags.Taxonomy;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.RawPaper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a raw paper into an enriched one: links, tags and keyphrases. Pure, thread-safe, no framework. */
public final class Enricher {
    public static final int MAX_KEYPHRASES = 5;

    private final LinkExtractor links = new LinkExtractor();
    private final KeyphraseExtractor keyphrases = new KeyphraseExtractor();
    private final Tagger tagger;
    private final String taxonomyVersion;
    private final String version;

    public Enricher(Taxonomy taxonomy, String version) {
        this.tagger = new Tagger(taxonomy);
        this.taxonomyVersion = taxonomy.version();
        this.version = version;
    }

    public EnrichedPaper enrich(RawPaper raw, Instant now) {
        return new EnrichedPaper(
                raw.id(),
                raw.revision(),
                raw,
                tagger.tag(raw.title(), raw.abstractText(), raw.categories()),
                links(raw),
                keyphrases.extract(raw.title(), raw.abstractText(), MAX_KEYPHRASES),
                new EnrichedPaper.Enrichment(version, taxonomyVersion, now));
    }

    /** Links the source gave first (marked as such), then those found in title, abstract and comment; one per canonical URL. */
    private List<Link> links(RawPaper raw) {
        List<Link> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RawPaper.SourceLink given : raw.links()) {
            links.classify(given.url(), Link.ORIGIN_SOURCE).ifPresent(l -> add(result, seen, l));
        }
        for (Link found : links.extract(raw.title(), raw.abstractText(), raw.comment())) {
            add(result, seen, found);
        }
        return result;
    }

    private static void add(List<Link> result, Set<String> seen, Link link) {
        if (seen.add(link.canonicalOrUrl().toLowerCase(Locale.ROOT))) {
            result.add(link);
        }
    }
}
