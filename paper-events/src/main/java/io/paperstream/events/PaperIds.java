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
    private static final Pattern ARXIV =
            Pattern.compile("(?i)^(?:arxiv:)?(\\d{4}\\.\\d{4,5}|[a-z][a-z.-]*/\\d{7})(?:v(\\d+))?$");

    private static final Pattern DOI =
            Pattern.compile("(?i)^(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)$");
    /** {@code https://arxiv.org/abs/X} (or /pdf/X, with or without .pdf), also with a merged {@code //}. */
    private static final Pattern ARXIV_URL =
            Pattern.compile("(?i)^(?:https?:/{1,2})?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(.+?)(?:\\.pdf)?$");
    /** A resolver URL whose {@code //} a URL-path normaliser merged into {@code /}. */
    private static final Pattern DOI_URL_MERGED = Pattern.compile("(?i)^https?:/{1,2}(?:dx\\.)?doi\\.org/");

    private static final String ARXIV_DOI_PREFIX = "10.48550/arxiv.";
    /** A title id: {@code title:} and 16 lower-case hex digits (compiled once: String.matches compiles per call). */
    private static final Pattern TITLE_ID = Pattern.compile("title:[0-9a-f]{16}");

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private PaperIds() {}

    public static String derive(String arxivId, String doi, String title) {
        Optional<String> arxiv = normaliseArxivId(arxivId).or(() -> arxivOfDoi(doi));
        if (arxiv.isPresent()) {
            return "arxiv:" + arxiv.get();
        }
        Optional<String> cleanDoi = normaliseDoi(doi);
        if (cleanDoi.isPresent()) {
            return "doi:" + cleanDoi.get();
        }
        return titleId(title)
                .orElseThrow(() ->
                        new IllegalArgumentException("a paper needs an arXiv id, a DOI or a title to be identified"));
    }

    /** {@code title:<16 hex>} of a title, or empty when the title has no letter or digit. */
    public static Optional<String> titleId(String title) {
        if (title == null) {
            return Optional.empty();
        }
        String normal = normaliseTitle(title);
        return normal.isEmpty()
                ? Optional.empty()
                : Optional.of("title:" + sha256Hex(normal).substring(0, 16));
    }

    /** The arXiv id a DOI names when it is arXiv's own DOI ({@code 10.48550/arXiv.<id>}), else empty. */
    public static Optional<String> arxivOfDoi(String doi) {
        return normaliseDoi(doi)
                .flatMap(d -> d.startsWith(ARXIV_DOI_PREFIX)
                        ? normaliseArxivId(d.substring(ARXIV_DOI_PREFIX.length()))
                        : Optional.empty());
    }

    /** A DOI that is not arXiv's own (which is the arXiv id, not a second identifier), normalised, or empty. */
    public static Optional<String> externalDoi(String doi) {
        return normaliseDoi(doi).filter(d -> arxivOfDoi(d).isEmpty());
    }

    /**
     * Any form a person or program may use for a paper, as the id it would have in paperstream: {@code arxiv:X},
     * {@code arXiv:Xv3}, {@code ARXIV:X}, the bare {@code X} (new or old style), {@code https://arxiv.org/abs/X},
     * {@code doi:…} in any case, {@code https://doi.org/…} (also with the slash a URL path merge loses,
     * {@code https:/doi.org/…}), a bare {@code 10.…/…}, arXiv's DOI (which is the arXiv id) and {@code title:<16 hex>}.
     * Empty when the text is none of these.
     */
    public static Optional<String> parseAnyForm(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher abs = ARXIV_URL.matcher(t);
        if (abs.matches()) {
            t = abs.group(1);
        }
        Optional<String> arxiv = normaliseArxivId(t);
        if (arxiv.isPresent()) {
            return Optional.of("arxiv:" + arxiv.get());
        }
        String doiText = DOI_URL_MERGED.matcher(t).replaceFirst("https://doi.org/");
        Optional<String> viaDoi = arxivOfDoi(doiText);
        if (viaDoi.isPresent()) {
            return Optional.of("arxiv:" + viaDoi.get());
        }
        Optional<String> doi = normaliseDoi(doiText);
        if (doi.isPresent()) {
            return Optional.of("doi:" + doi.get());
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return TITLE_ID.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
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
            return normaliseArxivId(id.substring(6))
                    .map(a -> ("arxiv:" + a).equals(id))
                    .orElse(false);
        }
        if (id.startsWith("doi:")) {
            return normaliseDoi(id.substring(4))
                    .map(d -> ("doi:" + d).equals(id))
                    .orElse(false);
        }
        return TITLE_ID.matcher(id).matches();
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
