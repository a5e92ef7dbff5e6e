package io.paperstream.query.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The filters shared by the paper list, the facets and the live stream. Values are already validated and normalised
 * (hosts lower-case without {@code www.}, subjects lower-case).
 */
public record PaperFilter(
        String q,
        List<String> tags,
        List<String> linkKinds,
        List<String> hosts,
        List<String> subjects,
        LocalDate from,
        LocalDate to,
        List<String> categories,
        List<String> authorWords) {
    public PaperFilter {
        tags = List.copyOf(tags);
        linkKinds = List.copyOf(linkKinds);
        hosts = List.copyOf(hosts);
        subjects = List.copyOf(subjects);
        categories = categories == null ? List.of() : List.copyOf(categories);
        authorWords = authorWords == null ? List.of() : List.copyOf(authorWords);
    }

    /** Without category and author filters. */
    public PaperFilter(
            String q,
            List<String> tags,
            List<String> linkKinds,
            List<String> hosts,
            List<String> subjects,
            LocalDate from,
            LocalDate to) {
        this(q, tags, linkKinds, hosts, subjects, from, to, List.of(), List.of());
    }

    public static PaperFilter none() {
        return new PaperFilter(null, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** True when the filter selects every paper. */
    public boolean isEmpty() {
        return !hasText()
                && tags.isEmpty()
                && linkKinds.isEmpty()
                && hosts.isEmpty()
                && subjects.isEmpty()
                && from == null
                && to == null
                && categories.isEmpty()
                && authorWords.isEmpty();
    }

    public boolean hasText() {
        return q != null && !q.isBlank();
    }

    /** A short hash of the filter (and sort), so a cursor is only accepted with the query that issued it. */
    public String hash(Sort sort) {
        String canonical = String.join(
                "\u001f",
                String.valueOf(q),
                String.join(",", tags),
                String.join(",", linkKinds),
                String.join(",", hosts),
                String.join(",", subjects),
                String.valueOf(from),
                String.valueOf(to),
                sort.name(),
                String.join(",", categories),
                String.join(",", authorWords));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
