package io.paperstream.enrich.domain.tags;

import io.paperstream.events.Tag;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tags of the golden corpus with the shipped and the matching-rules taxonomies must equal those recorded in
 * {@code tags/golden-tags.txt} (names, exact scores, matched terms and their order). Re-record only for an
 * intended change: {@code -Dgolden.write=true}.
 */
class TaggerGoldenTest {
    static final String RESOURCE = "tags/golden-tags.txt";

    @Test
    void tagsEqualTheRecordedOutput() throws IOException {
        Tagger shipped = new Tagger(Taxonomy.fromResource());
        Tagger matching = new Tagger(Taxonomy.fromResource("/tags/matching-taxonomy.yaml"));
        StringBuilder out = new StringBuilder();
        List<GoldenCorpus.Input> inputs = GoldenCorpus.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            GoldenCorpus.Input in = inputs.get(i);
            out.append('#').append(i).append(' ').append(in.fingerprint()).append('\n');
            append(out, "shipped", shipped.tag(in.title(), in.abstractText(), in.categories()));
            append(out, "matching", matching.tag(in.title(), in.abstractText(), in.categories()));
        }
        GoldenCorpus.check(RESOURCE, out.toString());
    }

    private static void append(StringBuilder out, String taxonomy, List<Tag> tags) {
        for (Tag t : tags) {
            out.append(taxonomy)
                    .append('\t')
                    .append(t.name())
                    .append('\t')
                    .append(t.score())
                    .append('\t')
                    .append(t.arxivCategory())
                    .append('\t')
                    .append(t.origin())
                    .append('\t')
                    .append(String.join("|", t.matched()))
                    .append('\n');
        }
    }
}
