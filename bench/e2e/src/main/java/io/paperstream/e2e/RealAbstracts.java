package io.paperstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Papers made of the real arXiv titles, abstracts and categories the enrich-service tag tests hold (1,471 papers of
 * public arXiv metadata, every field of science), cycled: copy {@code k} of a paper gets " (k)" after its title, so
 * every record is a distinct paper. The benchmarks' alternative to {@link SyntheticPapers}, whose keyword-only text
 * (no stop words) is the enrichment's worst case rather than what it meets.
 */
final class RealAbstracts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of(
            "enrich-service/src/test/resources/tags/heldout-papers.jsonl",
            "enrich-service/src/test/resources/tags/heldout-digest-mix.jsonl");

    private final List<ObjectNode> papers;

    private RealAbstracts(List<ObjectNode> papers) {
        this.papers = papers;
    }

    /** The corpus under the project root {@code root}. */
    static RealAbstracts load(Path root) {
        List<ObjectNode> papers = new ArrayList<>();
        for (String file : FILES) {
            try {
                for (String line : Files.readAllLines(root.resolve(file))) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode in = JSON.readTree(line);
                    ObjectNode paper = JSON.createObjectNode();
                    paper.put("title", in.path("title").asText());
                    paper.put("abstract", in.path("abstract").asText());
                    paper.putArray("authors").add("A. Author").add("B. Author");
                    if (in.path("categories").isArray()
                            && !in.path("categories").isEmpty()) {
                        paper.set("categories", in.get("categories"));
                    }
                    paper.put("publishedOn", "2026-03-14");
                    papers.add(paper);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RealAbstracts(papers);
    }

    int size() {
        return papers.size();
    }

    /** Paper {@code index} as RawPaper-style JSON without id. */
    String json(int index) {
        ObjectNode paper = papers.get(index % papers.size()).deepCopy();
        int copy = index / papers.size();
        if (copy > 0) {
            paper.put("title", paper.path("title").asText() + " (" + copy + ")");
        }
        return paper.toString();
    }
}
