package io.paperstream.enrich.domain.tags;

import io.paperstream.events.Tag;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Prints area raw scores per labelled paper; run with -Dtagger.dump=true when tuning thresholds. */
class CalibrationDump {
    @Test
    @EnabledIfSystemProperty(named = "tagger.dump", matches = "true")
    void dump() {
        Taxonomy taxonomy = Taxonomy.fromResource();
        Tagger tagger = new Tagger(taxonomy);
        Map<String, String> categoryOf = taxonomy.tags().stream()
                .filter(t -> t.arxivCategory() != null)
                .collect(Collectors.toMap(TagDefinition::name, TagDefinition::arxivCategory));
        String file = System.getProperty("tagger.dump.file");
        for (LabelledPaper p :
                file == null ? LabelledPaper.all() : LabelledPaper.fromYaml(java.nio.file.Path.of(file))) {
            Map<String, Double> raw = tagger.rawScores(p.title(), p.abstractText());
            String areas = raw.entrySet().stream()
                    .filter(e -> categoryOf.containsKey(e.getKey()))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> categoryOf.get(e.getKey()) + "=" + String.format("%.1f", e.getValue()))
                    .collect(Collectors.joining(" "));
            List<Tag> tags = tagger.tag(p.title(), p.abstractText(), List.of());
            System.out.printf(
                    "%-50.50s gold=%s%n    %s%n    %s%n",
                    p.title(),
                    p.categories(),
                    areas,
                    tags.stream().map(t -> t.name() + t.matched()).collect(Collectors.joining(" ")));
        }
    }
}
