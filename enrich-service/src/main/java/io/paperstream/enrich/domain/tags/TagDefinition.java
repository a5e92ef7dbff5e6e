package io.paperstream.enrich.domain.tags;

import java.util.List;

/**
 * One tag of the taxonomy: its weighted terms and the raw-score threshold at which it is given.
 *
 * @param name          stable machine name, lower-case (e.g. {@code computer-vision})
 * @param label         human-readable label
 * @param arxivCategory the arXiv category this tag stands for (e.g. {@code cs.CV}), or {@code null}
 * @param threshold     raw score (sum of term contributions) at which the tag is given; always &gt; 0
 * @param minTerms      how many distinct terms must match before the tag is given (default 1)
 * @param terms         the weighted terms, in file order
 */
public record TagDefinition(
        String name, String label, String arxivCategory, double threshold, int minTerms, List<Term> terms) {

    public TagDefinition {
        terms = List.copyOf(terms);
    }

    /**
     * A term or phrase with its weight.
     *
     * @param text   the term as written in the taxonomy (tokens with two or more capitals match case-sensitively)
     * @param weight contribution of one abstract occurrence; negative weights count against the tag
     */
    public record Term(String text, double weight) {}
}
