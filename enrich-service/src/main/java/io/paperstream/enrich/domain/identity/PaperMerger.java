package io.paperstream.enrich.domain.identity;

import io.paperstream.enrich.domain.links.LinkExtractor;
import io.paperstream.events.Link;
import io.paperstream.events.PaperIds;
import io.paperstream.events.RawPaper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds one paper from the records its sources gave, field by field:
 * <ul>
 *   <li>title, abstract, authors, arXiv id, DOI, publication date, comment, licence: the first source in precedence
 *   order that has a value — arXiv's own metadata (OAI-PMH, then the bulk snapshot, then the arXiv API's Atom feed)
 *   over Hugging Face over records posted as JSON/NDJSON or produced to Kafka over the daily digest; within one
 *   format the newer record first. A DOI that is not arXiv's own is preferred to arXiv's own.</li>
 *   <li>categories, links (by URL), keywords and sources: the union, in that order; a link that only another
 *   source's text mentions (a digest abstract naming the code, when arXiv's abstract does not) becomes a source link
 *   labelled with that source, so merging never loses a link a paper had;</li>
 *   <li>{@code updatedAt} and {@code ingestedAt}: the latest.</li>
 * </ul>
 */
public final class PaperMerger {
    /** Lower is stronger. Formats not listed rank with the Kafka producers. */
    static final List<String> PRECEDENCE =
            List.of("arxiv-oai", "arxiv-snapshot", "atom", "hf-daily", "json", "ndjson", "kafka", "digest");

    private PaperMerger() {}

    static int rank(RawPaper paper) {
        String format = paper.source() == null ? null : paper.source().format();
        int i = format == null ? -1 : PRECEDENCE.indexOf(format);
        return i < 0 ? PRECEDENCE.indexOf("kafka") : i;
    }

    static final Comparator<RawPaper> BY_PRECEDENCE = Comparator.comparingInt(PaperMerger::rank)
            .thenComparing(Comparator.comparingLong(RawPaper::revision).reversed());

    public static RawPaper merge(
            String id,
            long revision,
            Collection<String> aliases,
            Collection<RawPaper> sources,
            LinkExtractor extractor) {
        List<RawPaper> ordered = new ArrayList<>(sources);
        ordered.sort(BY_PRECEDENCE);
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a paper needs at least one source record");
        }
        String doi = first(ordered, p -> PaperIds.externalDoi(p.doi()).isPresent() ? p.doi() : null)
                .orElseGet(() -> first(ordered, RawPaper::doi).orElse(null));
        List<RawPaper.SourceLink> links = new ArrayList<>();
        Map<String, Boolean> seenUrls = new LinkedHashMap<>();
        for (RawPaper p : ordered) {
            for (RawPaper.SourceLink link : p.links()) {
                if (seenUrls.putIfAbsent(link.url(), Boolean.TRUE) == null) {
                    links.add(link);
                }
            }
        }
        String title = first(ordered, p -> blankToNull(p.title())).orElseThrow();
        String abstractText = first(ordered, p -> blankToNull(p.abstractText())).orElseThrow();
        String comment = first(ordered, p -> blankToNull(p.comment())).orElse(null);
        if (extractor != null && ordered.size() > 1) {
            extractor.extract(title, abstractText, comment).forEach(l -> seenUrls.put(l.url(), Boolean.TRUE));
            for (RawPaper p : ordered) {
                for (Link found : extractor.extract(p.title(), p.abstractText(), p.comment())) {
                    if (seenUrls.putIfAbsent(found.url(), Boolean.TRUE) == null) {
                        String format = p.source() == null
                                ? "another source"
                                : p.source().format();
                        links.add(new RawPaper.SourceLink(found.url(), "text of " + format));
                    }
                }
            }
        }
        LinkedHashSet<RawPaper.Source> sourceList = new LinkedHashSet<>();
        ordered.stream().map(RawPaper::source).filter(Objects::nonNull).forEach(sourceList::add);
        return new RawPaper(
                id,
                revision,
                title,
                abstractText,
                first(ordered, p -> p.authors().isEmpty() ? null : p.authors()).orElse(List.of()),
                first(ordered, p -> blankToNull(p.arxivId())).orElse(null),
                doi,
                first(ordered, RawPaper::publishedOn).orElse(null),
                latest(ordered, RawPaper::updatedAt),
                union(ordered, RawPaper::categories),
                comment,
                links,
                union(ordered, RawPaper::keywords),
                ordered.get(0).source(),
                latest(ordered, RawPaper::ingestedAt),
                first(ordered, p -> blankToNull(p.license())).orElse(null),
                aliases.stream().filter(a -> !a.equals(id)).sorted().distinct().toList(),
                List.copyOf(sourceList));
    }

    private static <T> Optional<T> first(List<RawPaper> ordered, Function<RawPaper, T> field) {
        for (RawPaper p : ordered) {
            T value = field.apply(p);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Instant latest(List<RawPaper> ordered, Function<RawPaper, Instant> field) {
        return ordered.stream()
                .map(field)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static List<String> union(List<RawPaper> ordered, Function<RawPaper, List<String>> field) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        ordered.forEach(p -> all.addAll(field.apply(p)));
        return List.copyOf(all);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
