package io.paperstream.enrich.domain.tags;

import io.paperstream.events.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags a paper from its title and abstract with a {@link Taxonomy}, and keeps the categories its source gave.
 * Thread-safe: all matching state is per call.
 *
 * <p>Score: each matched term contributes {@code weight × (titleWeight if in the title) + weight × (1 +
 * repeatBonus × min(repeats, 2)) if in the abstract}; the tag's raw score {@code r} is the sum. A tag is given
 * when {@code r ≥ threshold} (and at least {@code minTerms} distinct terms matched), and its score is
 * {@code r / (r + threshold)}: in 0..1, exactly 0.5 at the threshold, approaching 1 with more evidence.
 * Source-given categories score 1.0.
 */
public final class Tagger {
    private static final int MAX_MATCHED = 10;
    private static final int MAX_REPEATS = 2;

    private final Taxonomy taxonomy;
    private final TermMatcher matcher;
    private final TagDefinition[] tags;
    private final int[] firstTerm;
    private final TagDefinition.Term[] terms;
    private final Map<String, TagDefinition> byCategory = new HashMap<>();

    public Tagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.matcher = new TermMatcher(taxonomy.tags());
        this.tags = taxonomy.tags().toArray(TagDefinition[]::new);
        this.firstTerm = new int[tags.length + 1];
        List<TagDefinition.Term> all = new ArrayList<>();
        for (int g = 0; g < tags.length; g++) {
            firstTerm[g] = all.size();
            all.addAll(tags[g].terms());
            if (tags[g].arxivCategory() != null) {
                byCategory.put(tags[g].arxivCategory().toLowerCase(Locale.ROOT), tags[g]);
            }
        }
        firstTerm[tags.length] = all.size();
        this.terms = all.toArray(TagDefinition.Term[]::new);
    }

    /** The taxonomy this tagger applies. */
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * Returns the paper's tags, sorted by score (descending) then name.
     *
     * @param sourceCategories categories given by the source (e.g. arXiv's {@code ["cs.CV","cs.LG"]}), may be null
     */
    public List<Tag> tag(String title, String abstractText, List<String> sourceCategories) {
        Map<String, Tag> result = new LinkedHashMap<>();
        for (Tag computed : computed(title, abstractText)) {
            result.put(computed.name(), computed);
        }
        if (sourceCategories != null) {
            for (String raw : sourceCategories) {
                if (raw != null && !raw.isBlank()) {
                    addSource(raw.trim(), result);
                }
            }
        }
        List<Tag> sorted = new ArrayList<>(result.values());
        sorted.sort(Comparator.comparingDouble(Tag::score).reversed().thenComparing(Tag::name));
        return sorted;
    }

    /** Raw scores of every tag with any evidence, whether or not it reaches its threshold (for calibration). */
    Map<String, Double> rawScores(String title, String abstractText) {
        int[] inTitle = new int[matcher.termCount()];
        int[] inAbstract = new int[matcher.termCount()];
        matcher.count(title, inTitle);
        matcher.count(abstractText, inAbstract);
        Map<String, Double> raw = new LinkedHashMap<>();
        for (int g = 0; g < tags.length; g++) {
            double sum = 0;
            for (int t = firstTerm[g]; t < firstTerm[g + 1]; t++) {
                sum += contribution(t, inTitle[t], inAbstract[t]);
            }
            if (sum != 0) {
                raw.put(tags[g].name(), sum);
            }
        }
        return raw;
    }

    private List<Tag> computed(String title, String abstractText) {
        int[] inTitle = new int[matcher.termCount()];
        int[] inAbstract = new int[matcher.termCount()];
        matcher.count(title, inTitle);
        matcher.count(abstractText, inAbstract);
        List<Tag> out = new ArrayList<>();
        for (int g = 0; g < tags.length; g++) {
            double raw = 0;
            int distinct = 0;
            for (int t = firstTerm[g]; t < firstTerm[g + 1]; t++) {
                double c = contribution(t, inTitle[t], inAbstract[t]);
                if (c != 0) {
                    raw += c;
                    distinct += c > 0 ? 1 : 0;
                }
            }
            TagDefinition tag = tags[g];
            if (raw >= tag.threshold() && distinct >= tag.minTerms()) {
                double score = Math.round(raw / (raw + tag.threshold()) * 1000) / 1000.0;
                out.add(new Tag(tag.name(), score, tag.arxivCategory(), matchedTerms(g, inTitle, inAbstract),
                        Tag.ORIGIN_TAXONOMY));
            }
        }
        return out;
    }

    private double contribution(int term, int titleHits, int abstractHits) {
        if (titleHits == 0 && abstractHits == 0) {
            return 0;
        }
        double weight = terms[term].weight();
        double c = titleHits > 0 ? weight * taxonomy.titleWeight() : 0;
        if (abstractHits > 0) {
            c += weight * (1 + taxonomy.repeatBonus() * Math.min(abstractHits - 1, MAX_REPEATS));
        }
        return c;
    }

    /** The matched positive terms, strongest contribution first (then file order), to show why a tag was given. */
    private List<String> matchedTerms(int g, int[] inTitle, int[] inAbstract) {
        int n = firstTerm[g + 1] - firstTerm[g];
        long[] keys = new long[n];
        int hits = 0;
        for (int t = firstTerm[g]; t < firstTerm[g + 1]; t++) {
            double c = contribution(t, inTitle[t], inAbstract[t]);
            if (c > 0) {
                // contribution (milli-units, inverted so larger sorts first) in the high bits, term index below
                keys[hits++] = ((long) (Integer.MAX_VALUE - Math.min(Integer.MAX_VALUE, Math.round(c * 1000))) << 32)
                        | t;
            }
        }
        Arrays.sort(keys, 0, hits);
        List<String> matched = new ArrayList<>(Math.min(hits, MAX_MATCHED));
        for (int k = 0; k < hits && k < MAX_MATCHED; k++) {
            matched.add(terms[(int) keys[k]].text());
        }
        return matched;
    }

    private void addSource(String category, Map<String, Tag> result) {
        TagDefinition known = byCategory.get(category.toLowerCase(Locale.ROOT));
        String name = known != null ? known.name() : category.toLowerCase(Locale.ROOT);
        String arxivCategory = known != null ? known.arxivCategory() : category;
        Tag existing = result.get(name);
        if (existing != null && Tag.ORIGIN_SOURCE.equals(existing.origin())) {
            return;
        }
        List<String> matched = new ArrayList<>();
        matched.add(category);
        if (existing != null) {
            matched.addAll(existing.matched());
        }
        result.put(name, new Tag(name, 1.0, arxivCategory, matched, Tag.ORIGIN_SOURCE));
    }
}
