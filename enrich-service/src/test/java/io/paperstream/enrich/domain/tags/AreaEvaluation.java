package io.paperstream.enrich.domain.tags;

import io.paperstream.events.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Precision and recall of the tagger's arXiv-area tags against hand labels, micro-averaged and per category. */
final class AreaEvaluation {
    private final Set<String> known;
    private final Map<String, int[]> perCategory = new TreeMap<>(); // tp, fp, fn
    private int papers;
    private int untagged;
    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private int unknownGold;
    private final StringBuilder errors = new StringBuilder();

    AreaEvaluation(Taxonomy taxonomy) {
        known = taxonomy.tags().stream()
                .map(TagDefinition::arxivCategory)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** Scores one paper; gold categories the taxonomy has no tag for are counted apart. */
    void add(LabelledPaper paper, List<Tag> tags) {
        papers++;
        Set<String> predicted =
                tags.stream().map(Tag::arxivCategory).filter(Objects::nonNull).collect(Collectors.toSet());
        if (predicted.isEmpty()) {
            untagged++;
        }
        Set<String> gold = paper.categories().stream().filter(known::contains).collect(Collectors.toSet());
        unknownGold += paper.categories().size() - gold.size();
        for (String p : predicted) {
            boolean hit = gold.contains(p);
            count(p)[hit ? 0 : 1]++;
            if (hit) {
                truePositives++;
            } else {
                falsePositives++;
            }
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                count(g)[2]++;
                falseNegatives++;
            }
        }
        if (!predicted.equals(gold)) {
            errors.append(String.format("  %-60.60s gold=%s predicted=%s%n", paper.title(), gold, predicted));
        }
    }

    double precision() {
        return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    double recall() {
        return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    String report(boolean withErrors) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "arXiv-area tags on %d labelled papers (%d got no area tag): "
                        + "micro precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d; %d gold labels outside "
                        + "the taxonomy not counted)%n",
                papers,
                untagged,
                precision(),
                recall(),
                2 * precision() * recall() / Math.max(1e-9, precision() + recall()),
                truePositives,
                falsePositives,
                falseNegatives,
                unknownGold));
        out.append(String.format("  %-10s %5s %5s %5s %9s %6s%n", "category", "tp", "fp", "fn", "precision", "recall"));
        perCategory.forEach((c, n) -> out.append(String.format(
                "  %-10s %5d %5d %5d %9.2f %6.2f%n",
                c,
                n[0],
                n[1],
                n[2],
                n[0] / (double) Math.max(1, n[0] + n[1]),
                n[0] / (double) Math.max(1, n[0] + n[2]))));
        if (withErrors) {
            out.append("differences:\n").append(errors);
        }
        return out.toString();
    }

    private int[] count(String category) {
        return perCategory.computeIfAbsent(category, c -> new int[3]);
    }
}
