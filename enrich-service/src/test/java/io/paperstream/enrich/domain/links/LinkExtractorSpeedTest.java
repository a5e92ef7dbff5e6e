package io.paperstream.enrich.domain.links;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coarse guard on the cost per abstract (the enrichment budget is 50 µs per paper for everything). The bound is
 * generous, so a noisy shared CI core does not make it flaky; it catches a regex or a quadratic loop, not 10%.
 */
class LinkExtractorSpeedTest {

    private static final Path SAMPLE = Path.of("..", "deploy", "local", "sample", "daily-papers-sample.txt");

    @Test
    void extractsFromAnAbstractInWellUnderTwentyMicroseconds() throws IOException {
        List<String> abstracts = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).stream()
                .filter(line -> line.length() > 300)
                .collect(Collectors.toList());
        LinkExtractor extractor = new LinkExtractor();
        int links = 0;
        for (int i = 0; i < 300; i++) {
            for (String text : abstracts) {
                links += extractor.extract(text).size();
            }
        }
        int rounds = 300;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (String text : abstracts) {
                links += extractor.extract(text).size();
            }
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / (rounds * abstracts.size());

        assertThat(links).isPositive();
        assertThat(micros).as("µs per abstract").isLessThan(20.0);
    }
}
