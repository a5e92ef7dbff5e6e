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
 *
 * <p>Tags without terms are scored by the taxonomy's learned {@link ArxivModel} instead: given when the probability
 * that the paper carries their arXiv category reaches the tag's threshold, or when theirs is the most probable primary
 * category and that probability reaches the model's floor (or theirs is the second most probable, close to the first); the
 * score is the probability that gave the tag and {@code matched} lists the features that raised it most.
 */
public final class Tagger {
    private static final int MAX_MATCHED = 10;
    private static final int MAX_REPEATS = 2;
    private static final Comparator<Tag> BY_SCORE_THEN_NAME =
            Comparator.comparingDouble(Tag::score).reversed().thenComparing(Tag::name);

    private final Taxonomy taxonomy;
    private final TermMatcher matcher;
    private final TagDefinition[] tags;
    private final int[] firstTerm;
    private final TagDefinition.Term[] terms;
    private final int[] termTag;
    private final Map<String, TagDefinition> byCategory = new HashMap<>();
    /** The taxonomy's learned model (or null), the tags it scores and their categories' indices in it. */
    private final ArxivModel model;

    private final TagDefinition[] learned;
    private final int[] learnedCategory;
    /**
     * Per thread: the paper's tokens (with what each form means, kept across papers) and the term counts, reused:
     * allocating and zeroing them per paper cost more than the counting.
     */
    private final ThreadLocal<Scratch> scratch;

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
        this.termTag = matcher.termTags();
        this.model = taxonomy.model();
        this.scratch = ThreadLocal.withInitial(
                () -> new Scratch(new TermCounts(terms.length), new PaperTokens(matcher, model)));
        List<TagDefinition> scored =
                taxonomy.tags().stream().filter(t -> t.terms().isEmpty()).toList();
        this.learned = scored.toArray(TagDefinition[]::new);
        this.learnedCategory = scored.stream()
                .mapToInt(t -> model.categoryIndex(t.arxivCategory()))
                .toArray();
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
        List<Tag> computed = computed(title, abstractText);
        if (sourceCategories == null || sourceCategories.isEmpty()) {
            computed.sort(BY_SCORE_THEN_NAME); // tag names are unique: no merging needed
            return computed;
        }
        Map<String, Tag> result = new LinkedHashMap<>();
        for (Tag tag : computed) {
            result.put(tag.name(), tag);
        }
        if (sourceCategories != null) {
            for (String raw : sourceCategories) {
                if (raw != null && !raw.isBlank()) {
                    addSource(raw.trim(), result);
                }
            }
        }
        List<Tag> sorted = new ArrayList<>(result.values());
        sorted.sort(BY_SCORE_THEN_NAME);
        return sorted;
    }

    /** Raw scores of every tag with any evidence, whether or not it reaches its threshold (for calibration). */
    Map<String, Double> rawScores(String title, String abstractText) {
        TermCounts hits = count(title, abstractText).counts;
        Map<String, Double> raw = new LinkedHashMap<>();
        for (int g = 0; g < tags.length; g++) {
            double sum = 0;
            for (int t = firstTerm[g]; t < firstTerm[g + 1]; t++) {
                sum += contribution(t, hits.title[t], hits.body[t]);
            }
            if (sum != 0) {
                raw.put(tags[g].name(), sum);
            }
        }
        return raw;
    }

    private List<Tag> computed(String title, String abstractText) {
        Scratch paper = count(title, abstractText);
        TermCounts counts = paper.counts;
        int hits = counts.collectHits();
        int[] hit = counts.hitTerms();
        List<Tag> out = new ArrayList<>();
        // Only tags with a hit term can reach their threshold (> 0). Visiting just the hit terms, in term order,
        // adds the same non-zero contributions in the same order as a loop over all of the tag's terms.
        for (int k = 0; k < hits; ) {
            int g = termTag[hit[k]];
            int from = k;
            double raw = 0;
            int distinct = 0;
            for (; k < hits && hit[k] < firstTerm[g + 1]; k++) {
                int t = hit[k];
                double c = contribution(t, counts.title[t], counts.body[t]);
                if (c != 0) {
                    raw += c;
                    distinct += c > 0 ? 1 : 0;
                }
            }
            TagDefinition tag = tags[g];
            if (raw >= tag.threshold() && distinct >= tag.minTerms()) {
                double score = Math.round(raw / (raw + tag.threshold()) * 1000) / 1000.0;
                out.add(new Tag(
                        tag.name(),
                        score,
                        tag.arxivCategory(),
                        matchedTerms(counts, hit, from, k),
                        Tag.ORIGIN_TAXONOMY));
            }
        }
        if (learned.length > 0) {
            learnedTags(paper.tokens, out);
        }
        return out;
    }

    /**
     * The tags the learned model gives: each whose probability of being carried reaches its threshold, the most
     * probable primary category from the model's floor on (so most papers get their main area), and the second most
     * probable primary when it is a close call (its probability at least {@code second} times the first's). Score: the
     * larger of the two probabilities when the tag's threshold was reached, else its primary probability; matched:
     * the features that raised them most.
     */
    private void learnedTags(PaperTokens paper, List<Tag> out) {
        ArxivModel.Scores scores = model.score(paper);
        if (scores.features() < model.evidence()) {
            return;
        }
        int top = 0;
        for (int i = 1; i < learned.length; i++) {
            top = scores.primaryProbability(learnedCategory[i]) > scores.primaryProbability(learnedCategory[top])
                    ? i
                    : top;
        }
        double topPrimary = scores.primaryProbability(learnedCategory[top]);
        int next = top == 0 ? Math.min(1, learned.length - 1) : 0;
        for (int i = 0; i < learned.length; i++) {
            next = i != top
                            && scores.primaryProbability(learnedCategory[i])
                                    > scores.primaryProbability(learnedCategory[next])
                    ? i
                    : next;
        }
        boolean topGiven = topPrimary >= model.floor();
        boolean nextGiven = topGiven
                && next != top
                && scores.primaryProbability(learnedCategory[next]) >= model.second() * topPrimary;
        for (int i = 0; i < learned.length; i++) {
            double p = scores.probability(learnedCategory[i]);
            if (p >= learned[i].threshold() || (i == top && topGiven) || (i == next && nextGiven)) {
                TagDefinition tag = learned[i];
                double primary = scores.primaryProbability(learnedCategory[i]);
                // the probability that gave the tag: a category given only as the (second) most probable primary
                // scores that probability, not its "carries it" one (for cs.CL, cs.LG, cs.AI that head learned the
                // training source's shares and is not used)
                double score = p >= learned[i].threshold() ? Math.max(p, primary) : primary;
                out.add(new Tag(
                        tag.name(),
                        Math.round(score * 1000) / 1000.0,
                        tag.arxivCategory(),
                        scores.matched(learnedCategory[i], MAX_MATCHED),
                        Tag.ORIGIN_TAXONOMY));
            }
        }
    }

    /** This thread's tokens and term counts of the paper; valid until the thread's next call. */
    private Scratch count(String title, String abstractText) {
        Scratch paper = scratch.get();
        paper.tokens.load(title, abstractText);
        paper.counts.clear();
        matcher.count(paper.tokens, paper.counts);
        return paper;
    }

    /** One thread's working state for this tagger. */
    private record Scratch(TermCounts counts, PaperTokens tokens) {}

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

    /**
     * The matched positive terms among the hit terms {@code hit[from, to)} of one tag, strongest contribution first
     * (then file order), to show why the tag was given.
     */
    private List<String> matchedTerms(TermCounts counts, int[] hit, int from, int to) {
        long[] keys = new long[to - from];
        int hits = 0;
        for (int k = from; k < to; k++) {
            int t = hit[k];
            double c = contribution(t, counts.title[t], counts.body[t]);
            if (c > 0) {
                // contribution (milli-units, inverted so larger sorts first) in the high bits, term index below
                keys[hits++] =
                        ((long) (Integer.MAX_VALUE - Math.min(Integer.MAX_VALUE, Math.round(c * 1000))) << 32) | t;
            }
        }
        Arrays.sort(keys, 0, hits);
        String[] matched = new String[Math.min(hits, MAX_MATCHED)];
        for (int k = 0; k < matched.length; k++) {
            matched[k] = terms[(int) keys[k]].text();
        }
        return List.of(matched); // immutable, so the Tag keeps it without copying
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
