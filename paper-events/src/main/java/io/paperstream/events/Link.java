package io.paperstream.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cleaned, classified link found in a paper.
 *
 * @param url          the link as the author (or the source) wrote it, cleaned only of the punctuation and markup
 *                     around it (sentence punctuation, brackets, a LaTeX url command or escapes, a line break inside
 *                     it); the scheme is lower-cased, and {@code https://} is put in front when none was written
 * @param canonicalUrl the normalised form used to compare and de-duplicate links: the repository/model/paper URL for
 *                     a recognised target (deep links cut to the repository root, {@code hf.co} →
 *                     {@code huggingface.co}, arXiv versions dropped, …), otherwise the URL without {@code www.},
 *                     default port, tracking parameters or a bare root slash; absent in records written before it
 *                     existed (read it as {@code url} then)
 * @param host         the host of {@code canonicalUrl} (lower case, no {@code www.}): what host filters and facets use
 * @param subject      what the link names: {@code owner/repo} for code, {@code org/name} for Hugging Face repos,
 *                     the identifier for papers (arXiv id, DOI); null when nothing more specific than the host is known
 * @param origin       {@code text} when extracted from title/abstract/comment, {@code source} when the source gave it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String url, String canonicalUrl, LinkKind kind, String host, String subject, String origin) {
    public static final String ORIGIN_TEXT = "text";
    public static final String ORIGIN_SOURCE = "source";

    /** A link written in its canonical form ({@code canonicalUrl} = {@code url}). */
    public Link(String url, LinkKind kind, String host, String subject, String origin) {
        this(url, url, kind, host, subject, origin);
    }

    /** The canonical URL, or {@code url} for a record written before {@code canonicalUrl} existed. */
    public String canonicalOrUrl() {
        return canonicalUrl != null ? canonicalUrl : url;
    }

    /** The same link with another written form. */
    public Link withUrl(String writtenUrl) {
        return new Link(writtenUrl, canonicalUrl, kind, host, subject, origin);
    }
}
