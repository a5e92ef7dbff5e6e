package io.paperstream.ingest.domain;

import io.paperstream.events.PaperIds;
import io.paperstream.events.RawPaper;
import io.paperstream.events.RawPaper.SourceLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link PaperInput} into a normalised {@link RawPaper} (id derived, revision not yet stamped) or says
 * every way in which it is not acceptable.
 */
public final class PaperValidator {
    private final PaperLimits limits;

    public PaperValidator(PaperLimits limits) {
        this.limits = limits;
    }

    /** The outcome of checking one input: a paper (revision 0, no source) when {@code violations} is empty. */
    public record Checked(RawPaper paper, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public Checked check(PaperInput in) {
        List<Violation> errors = new ArrayList<>();
        String title = required("title", in.title(), limits.titleMin(), limits.titleMax(), errors);
        String abstractText =
                required("abstract", in.abstractText(), limits.abstractMin(), limits.abstractMax(), errors);
        List<String> authors = terms("authors", in.authors(), limits.authorsMax(), limits.authorMax(), errors);
        String arxivId = arxivId(in.arxivId(), errors);
        String doi = doi(in.doi(), errors);
        LocalDate publishedOn = date(in.publishedOn(), errors);
        Instant updatedAt = instant(in.updatedAt(), errors);
        List<String> categories = terms("categories", in.categories(), limits.listMax(), limits.termMax(), errors);
        String comment = optional("comment", in.comment(), limits.commentMax(), errors);
        List<SourceLink> links = links(in.links(), errors);
        List<String> keywords = terms("keywords", in.keywords(), limits.listMax(), limits.termMax(), errors);
        String license = optional("license", in.license(), limits.urlMax(), errors);
        if (!errors.isEmpty()) {
            return new Checked(null, List.copyOf(errors));
        }
        String id = PaperIds.derive(arxivId, doi, title);
        RawPaper paper = new RawPaper(
                id,
                0,
                title,
                abstractText,
                authors,
                arxivId,
                doi,
                publishedOn,
                updatedAt,
                categories,
                comment,
                links,
                keywords,
                null,
                null,
                license,
                null,
                null);
        return new Checked(paper, List.of());
    }

    private static String required(String field, String raw, int min, int max, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(Violation.of(field, "missing", field + " is required"));
            return null;
        }
        return bounded(field, raw, min, max, errors);
    }

    private static String optional(String field, String raw, int max, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return bounded(field, raw, 1, max, errors);
    }

    private static String bounded(String field, String raw, int min, int max, List<Violation> errors) {
        String text = raw;
        int length = Text.plainLength(raw);
        if (length < 0) {
            Optional<Violation> problem = Text.problem(field, raw);
            if (problem.isPresent()) {
                errors.add(problem.get());
                return null;
            }
            text = Text.normalise(raw);
            length = Text.length(text);
        }
        if (length < min) {
            errors.add(Violation.of(
                    field,
                    "too-short",
                    String.format("%s has %d characters, at least %d are required", field, length, min)));
            return null;
        }
        if (length > max) {
            errors.add(Violation.of(
                    field,
                    "too-long",
                    String.format("%s has %d characters, at most %d are allowed", field, length, max)));
            return null;
        }
        return text;
    }

    private static List<String> terms(
            String field, List<String> raw, int maxCount, int maxLength, List<Violation> errors) {
        if (raw.size() > maxCount) {
            errors.add(Violation.of(
                    field,
                    "too-many",
                    String.format("%s has %d entries, at most %d are allowed", field, raw.size(), maxCount)));
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = field + "[" + i + "]";
            String value = raw.get(i);
            if (value == null || value.isBlank()) {
                errors.add(Violation.of(name, "missing", name + " is empty"));
                continue;
            }
            String text = bounded(name, value, 1, maxLength, errors);
            if (text != null) {
                out.add(text);
            }
        }
        return List.copyOf(out);
    }

    private static String arxivId(String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<String> id = PaperIds.normaliseArxivId(raw);
        if (id.isEmpty()) {
            errors.add(Violation.of("arxivId", "invalid", "arxivId is not an arXiv identifier such as 2409.04828v2"));
            return null;
        }
        return id.get() + PaperIds.arxivVersion(raw).map(v -> "v" + v).orElse("");
    }

    private static String doi(String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<String> doi = PaperIds.normaliseDoi(raw);
        if (doi.isEmpty() || Text.problem("doi", raw).isPresent()) {
            errors.add(Violation.of("doi", "invalid", "doi is not a DOI such as 10.1000/xyz123"));
            return null;
        }
        return doi.get();
    }

    private static LocalDate date(String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            return text.length() <= 10
                    ? isoDate(text)
                    : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            errors.add(
                    Violation.of("publishedOn", "invalid", "publishedOn is not an ISO-8601 date such as 2025-03-14"));
            return null;
        }
    }

    private static Instant instant(String raw, List<Violation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            return text.length() <= 10
                    ? isoDate(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(Violation.of(
                    "updatedAt", "invalid", "updatedAt is not an ISO-8601 date-time such as 2025-03-14T09:30:00Z"));
            return null;
        }
    }

    /** {@code LocalDate.parse} with the usual {@code yyyy-MM-dd} read directly (the formatter is slow); same answers. */
    private static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new DateTimeParseException(e.getMessage(), text, 0, e);
                }
            }
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private List<SourceLink> links(List<SourceLink> raw, List<Violation> errors) {
        if (raw.size() > limits.listMax()) {
            errors.add(Violation.of(
                    "links",
                    "too-many",
                    String.format("links has %d entries, at most %d are allowed", raw.size(), limits.listMax())));
            return List.of();
        }
        List<SourceLink> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = "links[" + i + "]";
            SourceLink link = raw.get(i);
            String url = link == null ? null : link.url();
            if (url == null || url.isBlank()) {
                errors.add(Violation.of(name + ".url", "missing", name + ".url is required"));
                continue;
            }
            String clean = url.trim();
            if (clean.length() > limits.urlMax() || !isWebUrl(clean)) {
                errors.add(Violation.of(
                        name + ".url",
                        "invalid",
                        name + ".url is not an absolute http(s) URL of at most " + limits.urlMax() + " characters"));
                continue;
            }
            String label = optional(name + ".label", link.label(), limits.termMax(), errors);
            if (out.stream().noneMatch(l -> l.url().equals(clean))) {
                out.add(new SourceLink(clean, label));
            }
        }
        return out;
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
