package io.paperstream.enrich.domain.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A paper with its hand-labelled arXiv categories, for the tagger evaluation. */
record LabelledPaper(String title, String abstractText, Set<String> categories) {
    /** The project's sample digest, relative to the enrich-service module directory. */
    static final Path SAMPLE_DIGEST = Path.of("../deploy/local/sample/daily-papers-sample.txt");

    private static final Pattern DATE_LINE = Pattern.compile("[A-Z][a-z]{2} \\d{1,2}");

    /** All labelled papers: the sample digest's 70 plus the records written for this evaluation. */
    static List<LabelledPaper> all() {
        List<LabelledPaper> papers = new ArrayList<>(fromDigest());
        papers.addAll(fromRecords());
        return papers;
    }

    /** The sample digest's papers, labelled by {@code tags/sample-digest-labels.tsv}. */
    static List<LabelledPaper> fromDigest() {
        Map<String, Set<String>> labels = digestLabels();
        List<LabelledPaper> papers = new ArrayList<>();
        for (String[] pair : digestPairs()) {
            List<String> keys =
                    labels.keySet().stream().filter(pair[0]::startsWith).toList();
            if (keys.size() != 1) {
                throw new IllegalStateException("expected one label for '" + pair[0] + "', found " + keys);
            }
            papers.add(new LabelledPaper(pair[0], pair[1], labels.get(keys.get(0))));
        }
        if (papers.size() != labels.size()) {
            throw new IllegalStateException("labels " + labels.size() + " != digest papers " + papers.size());
        }
        return papers;
    }

    /** The records of {@code tags/labelled-papers.yaml}. */
    static List<LabelledPaper> fromRecords() {
        return fromYaml(resource("/tags/labelled-papers.yaml"));
    }

    /** Papers of a YAML file shaped like {@code tags/labelled-papers.yaml}. */
    static List<LabelledPaper> fromYaml(Path file) {
        try {
            return fromYaml(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledPaper> fromYaml(InputStream stream) {
        try (InputStream in = stream) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<LabelledPaper> papers = new ArrayList<>();
            for (JsonNode p : root.get("papers")) {
                List<String> categories = new ArrayList<>();
                p.get("categories").forEach(c -> categories.add(c.asText()));
                papers.add(new LabelledPaper(
                        p.get("title").asText(), p.get("abstract").asText(), Set.copyOf(categories)));
            }
            return papers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Title/abstract pairs of the digest: furniture lines, a date line, then title and abstract paragraphs. */
    static List<String[]> digestPairs() {
        List<String> lines;
        try {
            lines = Files.readAllLines(SAMPLE_DIGEST, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("sample digest not found at " + SAMPLE_DIGEST.toAbsolutePath(), e);
        }
        int start = 0;
        while (!DATE_LINE.matcher(lines.get(start)).matches()) {
            start++;
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = start + 1; i + 1 < lines.size(); i += 2) {
            pairs.add(new String[] {lines.get(i), lines.get(i + 1)});
        }
        return pairs;
    }

    private static Map<String, Set<String>> digestLabels() {
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        try (InputStream in = resource("/tags/sample-digest-labels.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                labels.put(cols[0], Set.of(cols[1].trim().split(" +")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }

    private static InputStream resource(String name) {
        InputStream in = LabelledPaper.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
