package io.paperstream.enrich.domain.keyphrases;

import io.paperstream.enrich.domain.tags.GoldenCorpus;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keyphrases of the golden corpus must equal those recorded in {@code keyphrases/golden-keyphrases.txt}.
 * Re-record only for an intended change: {@code -Dgolden.write=true}.
 */
class KeyphraseGoldenTest {
    @Test
    void keyphrasesEqualTheRecordedOutput() throws IOException {
        KeyphraseExtractor extractor = new KeyphraseExtractor();
        StringBuilder out = new StringBuilder();
        List<GoldenCorpus.Input> inputs = GoldenCorpus.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            GoldenCorpus.Input in = inputs.get(i);
            out.append('#').append(i).append(' ').append(in.fingerprint()).append('\n');
            for (String phrase : extractor.extract(in.title(), in.abstractText(), in.max())) {
                out.append(phrase).append('\n');
            }
        }
        GoldenCorpus.check("keyphrases/golden-keyphrases.txt", out.toString());
    }
}
