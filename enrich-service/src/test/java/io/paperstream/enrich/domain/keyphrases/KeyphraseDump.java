package io.paperstream.enrich.domain.keyphrases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Prints the keyphrases of the sample digest; run with -Dkeyphrases.dump=true when tuning. */
class KeyphraseDump {
    @Test
    @EnabledIfSystemProperty(named = "keyphrases.dump", matches = "true")
    void dump() throws Exception {
        KeyphraseExtractor extractor = new KeyphraseExtractor();
        List<String> lines = Files.readAllLines(Path.of("../deploy/local/sample/daily-papers-sample.txt")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        for (int i = 5; i + 1 < lines.size(); i += 2) {
            System.out.println(lines.get(i) + "\n    " + extractor.extract(lines.get(i), lines.get(i + 1), 5));
        }
    }
}
