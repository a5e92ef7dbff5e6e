package io.paperstream.query.api;

import io.paperstream.events.LinkKind;
import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.domain.Normalise;
import io.paperstream.query.domain.PaperFilter;
import io.paperstream.query.domain.Sort;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates and normalises query parameters; every refusal names its parameter. Plain Java. */
public final class QueryParams {
    public static final Set<String> FILTER_PARAMS =
            Set.of("q", "tag", "linkKind", "host", "subject", "from", "to", "category", "author");
    public static final Set<String> LIST_PARAMS =
            union(FILTER_PARAMS, Set.of("sort", "limit", "cursor", "fields", "total"));
    /** The filters that may be given more than once (all values must match). */
    static final Set<String> REPEATABLE = Set.of("tag", "linkKind", "host", "subject", "category", "author");

    public static final Set<String> FACET_PARAMS = union(FILTER_PARAMS, Set.of("limit", "exact"));

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern SUBJECT = Pattern.compile("[\\p{L}\\p{N}._~/:()@+-]{1,300}");
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}._-]{1,100}");
    /** arXiv categories: {@code cs.CL}, {@code hep-th}, {@code physics.comp-ph}, {@code q-bio.NC}. */
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z]+(-[A-Za-z]+)*(\\.[A-Za-z]+(-[A-Za-z]+)*)?");

    private static final int MAX_Q = 500;
    private static final int MAX_VALUES = 20;

    private QueryParams() {}

    /** Refuses parameters the endpoint does not know, so a typo ({@code tags=}) is an error and not a silent no-op. */
    public static void onlyKnown(Map<String, List<String>> given, Set<String> known) {
        for (Map.Entry<String, List<String>> param : given.entrySet()) {
            String name = param.getKey();
            if (!known.contains(name)) {
                throw new BadParameterException(
                        name,
                        "unknown",
                        "unknown parameter; known: "
                                + String.join(", ", known.stream().sorted().toList()));
            }
            if (REPEATABLE.contains(name) && param.getValue().stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new BadParameterException(name, "must not be empty");
            }
        }
    }

    /**
     * As {@link #filter(String, List, List, List, List, String, String)}, with arXiv categories (all must be among the
     * paper's) and author names (every word of each must be a word of the paper's author names, compared without case
     * and accents: {@code author=nunez} finds "Ñúñez").
     */
    public static PaperFilter filter(
            String q,
            List<String> tags,
            List<String> linkKinds,
            List<String> hosts,
            List<String> subjects,
            String from,
            String to,
            List<String> categories,
            List<String> authors) {
        PaperFilter base = filter(q, tags, linkKinds, hosts, subjects, from, to);
        List<String> cats = values(
                "category",
                categories,
                v -> check("category", Normalise.category(v), CATEGORY, "an arXiv category such as cs.CL or hep-th"));
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String author : values("author", authors, v -> {
            if (v.length() > 200) {
                throw new BadParameterException("author", "too-long", "at most 200 characters");
            }
            if (Normalise.words(v).isEmpty()) {
                throw new BadParameterException("author", "'" + v + "' has no letter or digit");
            }
            return v;
        })) {
            words.addAll(Normalise.words(author));
        }
        return new PaperFilter(
                base.q(),
                base.tags(),
                base.linkKinds(),
                base.hosts(),
                base.subjects(),
                base.from(),
                base.to(),
                cats,
                List.copyOf(words));
    }

    public static PaperFilter filter(
            String q,
            List<String> tags,
            List<String> linkKinds,
            List<String> hosts,
            List<String> subjects,
            String from,
            String to) {
        if (q != null && q.length() > MAX_Q) {
            throw new BadParameterException("q", "too-long", "at most " + MAX_Q + " characters");
        }
        if (q != null && q.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new BadParameterException("q", "must not contain control characters");
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadParameterException("from", "is after 'to'");
        }
        return new PaperFilter(
                q == null || q.isBlank() ? null : q.strip(),
                values("tag", tags, v -> check("tag", Normalise.tag(v), TAG, "a tag name such as computer-vision")),
                values("linkKind", linkKinds, QueryParams::linkKind),
                values("host", hosts, QueryParams::host),
                values("subject", subjects, v -> check("subject", Normalise.subject(v), SUBJECT, "e.g. owner/repo")),
                fromDate,
                toDate);
    }

    /** An owner or repository name in a path: letters, digits, {@code . _ -}. */
    public static String pathSegment(String name, String value) {
        return check(name, value, SEGMENT, "a name of letters, digits, '.', '_' or '-'");
    }

    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(
                "limit", "out-of-range", "must be an integer from 1 to " + max + "; got '" + value + "'");
    }

    public static Sort sort(String value, PaperFilter filter) {
        if (value == null || value.isBlank()) {
            return filter.hasText() ? Sort.RELEVANCE : Sort.NEWEST;
        }
        Sort sort = Sort.parse(value);
        if (sort == Sort.RELEVANCE && !filter.hasText()) {
            throw new BadParameterException("sort", "relevance needs a search text in 'q'");
        }
        return sort;
    }

    public static Set<String> fields(String value) {
        return fields(value, PaperView.FIELDS);
    }

    /** The fields {@code fields=} names among {@code known} (all of them without it), {@code id} always. */
    public static Set<String> fields(String value, Set<String> known) {
        if (value == null || value.isBlank()) {
            return known;
        }
        Set<String> fields = new LinkedHashSet<>();
        fields.add("id");
        for (String f : value.split(",")) {
            String name = f.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw new BadParameterException(
                        "fields",
                        "unknown",
                        "unknown field '" + name + "'; known: "
                                + String.join(", ", known.stream().sorted().toList()));
            }
            fields.add(name);
        }
        if (fields.size() == 1 && value.replace(",", "").isBlank()) {
            throw new BadParameterException(
                    "fields",
                    "names no field; known: "
                            + String.join(", ", known.stream().sorted().toList()));
        }
        return fields;
    }

    public static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadParameterException(name, "must be true or false; got '" + value + "'");
        };
    }

    private static String linkKind(String value) {
        try {
            return LinkKind.fromWireName(value).wireName();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(
                    "linkKind",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(LinkKind.values())
                                            .map(LinkKind::wireName)
                                            .toList()) + "; got '" + value + "'");
        }
    }

    private static String host(String value) {
        return check("host", Normalise.host(value), HOST, "a host name such as github.com");
    }

    private static String check(String name, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new BadParameterException(name, "'" + value + "' is not valid: expected " + expected);
        }
        return value;
    }

    private static List<String> values(
            String name, List<String> raw, java.util.function.UnaryOperator<String> normalise) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        if (raw.size() > MAX_VALUES) {
            throw new BadParameterException(name, "too-many", "at most " + MAX_VALUES + " values");
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            if (v == null || v.isBlank()) {
                throw new BadParameterException(name, "must not be empty");
            }
            String n = normalise.apply(v.trim());
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be a date like 2024-03-14; got '" + value + "'");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
