package io.paperstream.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A topic tag on a paper, with why it was given.
 *
 * @param arxivCategory the arXiv category this tag corresponds to (e.g. {@code cs.CV}), if any
 * @param matched       the taxonomy terms that matched, or the source category for source-given tags
 * @param origin        {@code taxonomy} when computed, {@code source} when the source gave the category
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Tag(String name, double score, String arxivCategory, List<String> matched, String origin) {
    public static final String ORIGIN_TAXONOMY = "taxonomy";
    public static final String ORIGIN_SOURCE = "source";

    public Tag {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
