package io.paperstream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system as a user runs it: the sample digest posted to ingest-service comes out of query-service's API as 70
 * papers with the expected links, and posting it again changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleDigestE2EIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack().start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    record ExpectedLink(String titlePrefix, String url, String kind, String subject) {
    }

    @Test
    @Order(1)
    void theSampleDigestFlowsThroughToTheQueryApi() throws Exception {
        String digest = Files.readString(stack.root.resolve("deploy/local/sample/daily-papers-sample.txt"));
        HttpResponse<String> accepted = stack.post(stack.ingestPort, "/api/v1/papers", "text/plain", digest, Stack.TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> papers().size() == 70);
        List<JsonNode> papers = papers();
        for (ExpectedLink expected : expectedLinks()) {
            JsonNode paper = papers.stream().filter(p -> p.get("title").asText().startsWith(expected.titlePrefix()))
                    .findFirst().orElseThrow(() -> new AssertionError("no paper titled " + expected.titlePrefix()));
            assertThat(paper.get("links").findValuesAsText("url")).as(expected.titlePrefix()).contains(expected.url());
            JsonNode link = findLink(paper, expected.url());
            assertThat(link.get("kind").asText()).as(expected.url()).isEqualTo(expected.kind());
            assertThat(link.get("subject").asText()).as(expected.url()).isEqualTo(expected.subject());
        }
        long linked = papers.stream().mapToLong(p -> p.get("links").size()).sum();
        assertThat(linked).isEqualTo(expectedLinks().size());

        // a second ingest of the same digest is an update of the same 70 papers, not 70 more
        HttpResponse<String> again = stack.post(stack.ingestPort, "/api/v1/papers", "text/plain", digest, Stack.TOKEN);
        assertThat(again.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> papers().stream()
                .allMatch(p -> p.get("revision").asLong() > revisionOf(papers, p.get("id").asText())));
        assertThat(papers()).hasSize(70);
    }

    /**
     * Re-enrichment after a taxonomy change, as the README documents it: enrich-service restarted with a new taxonomy
     * file, version and consumer group replays papers.raw, and the query API ends with the new tags on every paper.
     */
    @Test
    @Order(2)
    void aTaxonomyChangeIsReplayedIntoTheStore() throws Exception {
        Path taxonomy = stack.workDir.resolve("replay-taxonomy.yaml");
        Files.writeString(taxonomy, """
                version: "replay-1"
                tags:
                  - name: replay-permutations
                    label: Permutations (replay test)
                    threshold: 1
                    terms:
                      permutation: 1
                """);
        stack.restart("enrich-service", Map.of("PAPERSTREAM_ENRICH_TAXONOMY_FILE", taxonomy.toString(),
                "PAPERSTREAM_ENRICH_GROUP", "paperstream-enrich-replay", "PAPERSTREAM_ENRICH_VERSION", "2.0.0-replay"));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> papers().stream()
                .allMatch(p -> p.at("/enrichment/version").asText().equals("2.0.0-replay")));
        List<JsonNode> papers = papers();
        assertThat(papers).hasSize(70);
        String digest = Files.readString(stack.root.resolve("deploy/local/sample/daily-papers-sample.txt")).toLowerCase();
        for (JsonNode paper : papers) {
            List<String> tags = paper.get("tags").findValuesAsText("name");
            boolean mentions = (paper.get("title").asText() + " " + paper.get("abstract").asText()).toLowerCase()
                    .contains("permutation");
            assertThat(tags).as(paper.get("title").asText()).isEqualTo(mentions ? List.of("replay-permutations") : List.of());
        }
        assertThat(digest).contains("permutation");
        assertThat(papers.stream().filter(p -> p.get("tags").size() > 0).count()).isGreaterThan(3);
    }

    private static long revisionOf(List<JsonNode> before, String id) {
        return before.stream().filter(p -> p.get("id").asText().equals(id)).findFirst().orElseThrow()
                .get("revision").asLong();
    }

    private static JsonNode findLink(JsonNode paper, String url) {
        for (JsonNode link : paper.get("links")) {
            if (link.get("url").asText().equals(url)) {
                return link;
            }
        }
        throw new AssertionError("no link " + url);
    }

    private static List<JsonNode> papers() throws IOException, InterruptedException {
        HttpResponse<String> response = stack.get(stack.queryPort, "/api/v1/papers?limit=200");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(response.body()).get("items").forEach(items::add);
        return items;
    }

    private static List<ExpectedLink> expectedLinks() throws IOException {
        try (InputStream in = SampleDigestE2EIT.class.getResourceAsStream("/expected-links.tsv")) {
            List<ExpectedLink> links = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t");
                if (f.length == 4) {
                    links.add(new ExpectedLink(f[0], f[1], f[2], f[3].strip()));
                }
            }
            return links;
        }
    }
}
