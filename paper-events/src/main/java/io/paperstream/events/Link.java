package io.paperstream.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cleaned, classified link found in a paper.
 *
 * @param subject what the link names: {@code owner/repo} for code, {@code org/name} for Hugging Face repos,
 *                the identifier for papers (arXiv id, DOI); null when nothing more specific than the host is known
 * @param origin  {@code text} when extracted from title/abstract/comment, {@code source} when the source gave it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String url, LinkKind kind, String host, String subject, String origin) {
    public static final String ORIGIN_TEXT = "text";
    public static final String ORIGIN_SOURCE = "source";
}
