package io.paperstream.query.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A paper as the pages show it, read from the API's own JSON answer (so the page shows what the API answers, and
 * fields the API adds later, such as {@code ids} or {@code categories}, are picked up when present; unknown ones are
 * ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiPaper(
        String id,
        String title,
        @JsonProperty("abstract") String abstractText,
        List<String> authors,
        String arxivId,
        String doi,
        LocalDate publishedOn,
        List<UiTag> tags,
        List<UiLink> links,
        List<String> keyphrases,
        List<String> categories,
        Ids ids,
        String license,
        List<Source> sources,
        UiSnippet snippet) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** Chips in this order; kinds not listed come last. */
    private static final List<String> KIND_ORDER =
            List.of("code", "model", "dataset", "space", "project-page", "paper", "organization", "other");

    public UiPaper {
        authors = authors == null ? List.of() : authors;
        tags = tags == null ? List.of() : tags;
        links = links == null ? List.of() : links;
        keyphrases = keyphrases == null ? List.of() : keyphrases;
        categories = categories == null ? List.of() : categories;
        sources = sources == null ? List.of() : sources;
    }

    /** The list's snippet of the abstract ({@code text}, {@code matches}: [start, end) of the words matching the search). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UiSnippet(String text, List<List<Integer>> matches) {
        public UiSnippet {
            matches = matches == null ? List.of() : matches;
        }

        /** The text in pieces, the matching words marked. */
        public List<Part> parts() {
            List<Part> parts = new ArrayList<>();
            int at = 0;
            for (List<Integer> m : matches) {
                if (m.size() != 2 || m.get(0) < at || m.get(1) > text.length() || m.get(0) >= m.get(1)) {
                    continue;
                }
                if (m.get(0) > at) {
                    parts.add(new Part(text.substring(at, m.get(0)), false));
                }
                parts.add(new Part(text.substring(m.get(0), m.get(1)), true));
                at = m.get(1);
            }
            if (at < text.length()) {
                parts.add(new Part(text.substring(at), false));
            }
            return parts;
        }
    }

    /** A piece of a snippet; {@code marked} when it matches the search. */
    public record Part(String text, boolean marked) {}

    /** This paper with another snippet. */
    public UiPaper withSnippet(UiSnippet other) {
        return new UiPaper(
                id,
                title,
                abstractText,
                authors,
                arxivId,
                doi,
                publishedOn,
                tags,
                links,
                keyphrases,
                categories,
                ids,
                license,
                sources,
                other);
    }

    /** A source that contributed to the paper (format and name, e.g. arxiv-oai). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String format, String name) {
        public String text() {
            return name == null || name.isBlank() || name.equals(format) ? format : format + " (" + name + ")";
        }
    }

    /** The license when it is a web address (arXiv gives license URLs), for a link. */
    public String licenseUrl() {
        return license != null && (license.startsWith("https://") || license.startsWith("http://")) ? license : null;
    }

    /** The sources that contributed, in words. */
    public String sourcesText() {
        return String.join(", ", sources.stream().map(Source::text).distinct().toList());
    }

    /** The paper's other ids, as the API gives them ({@code ids: {arxiv, doi, aliases}}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ids(String arxiv, String doi, List<String> aliases) {
        public Ids {
            aliases = aliases == null ? List.of() : aliases;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UiTag(String name, double score, String arxivCategory, List<String> matched, String origin) {
        public UiTag {
            matched = matched == null ? List.of() : matched;
        }

        public String matchedText() {
            return String.join(", ", matched);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UiLink(String url, String canonicalUrl, String kind, String host, String subject, String origin) {
        /** Only http(s) addresses become links; anything else is shown as text. */
        public boolean linkable() {
            String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
            return u.startsWith("https://") || u.startsWith("http://");
        }

        public String kindLabel() {
            return Labels.linkKind(kind);
        }

        /** What the chip says: the subject (owner/repo, org/name) or else the host. */
        public String text() {
            return subject != null && !subject.isBlank() ? subject : host != null ? host : url;
        }

        /** owner/repo of a code link, for /api/v1/code/{owner}/{repo}. */
        public String[] repository() {
            if (!"code".equals(kind) || subject == null) {
                return null;
            }
            String[] parts = subject.split("/");
            return parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank() ? parts : null;
        }
    }

    public static UiPaper of(JsonNode apiJson) {
        return PaperJson.mapper().convertValue(apiJson, UiPaper.class);
    }

    public static UiPaper of(Object apiView) {
        return of((JsonNode) PaperJson.mapper().valueToTree(apiView));
    }

    /** The paper page of this paper. */
    public String href() {
        return "/paper/" + Urls.pathSegment(id);
    }

    /** The element id of this paper's entry in a result list. */
    public String anchor() {
        return "p-" + id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public String date() {
        return publishedOn == null ? null : DATE.format(publishedOn);
    }

    public String authorsText() {
        if (authors.size() <= 6) {
            return String.join(", ", authors);
        }
        return String.join(", ", authors.subList(0, 5)) + " and " + (authors.size() - 5) + " more";
    }

    /** A value shown as a link to the search it filters: an author, a category. */
    public record Filter(String text, String href) {}

    /** The authors, each linking to the search for their papers ({@code /?author=…}). */
    public List<Filter> authorLinks() {
        return authors.stream()
                .map(a -> new Filter(a, "/?author=" + Urls.query(a)))
                .toList();
    }

    /** The paper's categories as the API gives them, each linking to the search for the papers in it. */
    public List<Filter> categoryLinks() {
        return categories.stream()
                .map(c -> new Filter(c, "/?category=" + Urls.query(c)))
                .toList();
    }

    /** Without categories from the API: the arXiv categories its tags stand for (not a filter of the API). */
    public List<String> tagCategories() {
        return categories.isEmpty() ? categoryList() : List.of();
    }

    public String arxiv() {
        return ids != null && ids.arxiv() != null ? ids.arxiv() : arxivId;
    }

    public String doiValue() {
        return ids != null && ids.doi() != null ? ids.doi() : doi;
    }

    public String arxivUrl() {
        return arxiv() == null ? null : "https://arxiv.org/abs/" + arxiv();
    }

    public String doiUrl() {
        return doiValue() == null ? null : "https://doi.org/" + doiValue();
    }

    public List<String> aliases() {
        return ids == null ? List.of() : ids.aliases();
    }

    /** The paper's categories: as the API gives them, else the arXiv categories its tags stand for. */
    public List<String> categoryList() {
        if (!categories.isEmpty()) {
            return categories;
        }
        Set<String> fromTags = new LinkedHashSet<>();
        for (UiTag t : tags) {
            if (t.arxivCategory() != null && !t.arxivCategory().isBlank()) {
                fromTags.add(t.arxivCategory());
            }
        }
        return List.copyOf(fromTags);
    }

    /** Links, code first, then models, datasets, spaces, project pages, the rest. */
    public List<UiLink> sortedLinks() {
        List<UiLink> sorted = new ArrayList<>(links);
        sorted.sort((a, b) -> Integer.compare(rank(a.kind()), rank(b.kind())));
        return sorted;
    }

    /** Links of one kind. */
    public record LinkGroup(String kind, String label, List<UiLink> links) {}

    /** Links grouped by kind, in chip order. */
    public List<LinkGroup> linksByKind() {
        Map<String, List<UiLink>> byKind = new LinkedHashMap<>();
        for (UiLink l : sortedLinks()) {
            byKind.computeIfAbsent(l.kind() == null ? "other" : l.kind(), k -> new ArrayList<>())
                    .add(l);
        }
        return byKind.entrySet().stream()
                .map(e -> new LinkGroup(e.getKey(), Labels.linkKind(e.getKey()), List.copyOf(e.getValue())))
                .toList();
    }

    /** The code repositories this paper links (owner/repo). */
    public List<String[]> repositories() {
        List<String[]> repos = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (UiLink l : links) {
            String[] r = l.repository();
            if (r != null && seen.add((r[0] + "/" + r[1]).toLowerCase(Locale.ROOT))) {
                repos.add(r);
            }
        }
        return repos;
    }

    private static int rank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }
}
