package io.paperstream.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper id rule: {@code arxiv:<id without version>} when an arXiv id is known, else {@code doi:<lowercased doi>},
 * else {@code title:<first 16 hex of SHA-256 of the normalised title>}. Derived, never random, so re-ingesting a paper
 * is an update and not a duplicate.
 */
public final class PaperIds {
    /** New-style (2007+) and old-style (e.g. {@code hep-th/9901001}) arXiv identifiers, optional version. */
    private static final Pattern ARXIV = Pattern.compile(
            "(?i)^(?:arxiv:)?(\\d{4}\\.\\d{4,5}|[a-z][a-z.-]*/\\d{7})(?:v(\\d+))?$");
    private static final Pattern DOI = Pattern.compile("(?i)^(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PaperIds() {
    }

    public static String derive(String arxivId, String doi, String title) {
        Optional<String> arxiv = normaliseArxivId(arxivId);
        if (arxiv.isPresent()) {
            return "arxiv:" + arxiv.get();
        }
        Optional<String> cleanDoi = normaliseDoi(doi);
        if (cleanDoi.isPresent()) {
            return "doi:" + cleanDoi.get();
        }
        if (title == null || normaliseTitle(title).isEmpty()) {
            throw new IllegalArgumentException("a paper needs an arXiv id, a DOI or a title to be identified");
        }
        return "title:" + sha256Hex(normaliseTitle(title)).substring(0, 16);
    }

    /** The arXiv id without {@code arXiv:} prefix and version, or empty when the text is not an arXiv id. */
    public static Optional<String> normaliseArxivId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV.matcher(text.trim());
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The version number of an arXiv id such as {@code 2401.01234v3}, or empty. */
    public static Optional<Integer> arxivVersion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV.matcher(text.trim());
        return m.matches() && m.group(2) != null ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    /** A DOI in lower case without resolver prefix, or empty when the text is not a DOI. */
    public static Optional<String> normaliseDoi(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DOI.matcher(text.trim());
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Title normal form for identity: Unicode NFKC, case-folded, every run of non-letters/digits one space, trimmed.
     * So "POINTS: Improving…" and "points  improving…" are the same paper.
     */
    public static String normaliseTitle(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll(" ").trim();
    }

    /** True when the text is a well-formed paper id of one of the three kinds. */
    public static boolean isValid(String id) {
        if (id == null) {
            return false;
        }
        if (id.startsWith("arxiv:")) {
            return normaliseArxivId(id.substring(6)).map(a -> ("arxiv:" + a).equals(id)).orElse(false);
        }
        if (id.startsWith("doi:")) {
            return normaliseDoi(id.substring(4)).map(d -> ("doi:" + d).equals(id)).orElse(false);
        }
        return id.matches("title:[0-9a-f]{16}");
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
