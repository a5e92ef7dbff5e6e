package io.paperstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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

    record ExpectedLink(String titlePrefix, String url, String kind, String subject) {}

    @Test
    @Order(1)
    void theSampleDigestFlowsThroughToTheQueryApi() throws Exception {
        String digest = Files.readString(stack.root.resolve("deploy/local/sample/daily-papers-sample.txt"));
        HttpResponse<String> accepted =
                stack.post(stack.ingestPort, "/api/v1/papers", "text/plain", digest, Stack.TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> papers().size() == 70);
        List<JsonNode> papers = papers();
        for (ExpectedLink expected : expectedLinks()) {
            JsonNode paper = papers.stream()
                    .filter(p -> p.get("title").asText().startsWith(expected.titlePrefix()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no paper titled " + expected.titlePrefix()));
            assertThat(paper.get("links").findValuesAsText("url"))
                    .as(expected.titlePrefix())
                    .contains(expected.url());
            JsonNode link = findLink(paper, expected.url());
            assertThat(link.get("kind").asText()).as(expected.url()).isEqualTo(expected.kind());
            assertThat(link.get("subject").asText()).as(expected.url()).isEqualTo(expected.subject());
        }
        long linked = papers.stream().mapToLong(p -> p.get("links").size()).sum();
        assertThat(linked).isEqualTo(expectedLinks().size());

        // a second ingest of the same digest is an update of the same 70 papers, not 70 more
        HttpResponse<String> again = stack.post(stack.ingestPort, "/api/v1/papers", "text/plain", digest, Stack.TOKEN);
        assertThat(again.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> papers().stream()
                        .allMatch(p -> p.get("revision").asLong()
                                > revisionOf(papers, p.get("id").asText())));
        assertThat(papers()).hasSize(70);
    }

    /**
     * Re-enrichment after a taxonomy change, as the README documents it: enrich-service restarted with a new taxonomy
     * file, version and consumer group replays papers.raw, and the query API ends with the new tags on every paper.
     */
    /**
     * One paper, one record: the same 70 papers then arrive as an arXiv Atom feed (with arXiv ids) and 10 of them as
     * Hugging Face daily papers; the catalogue still holds 70 papers, each now under its arXiv id, known by its old
     * digest id too, with every link it had.
     */
    @Test
    @Order(2)
    void theSamePapersFromArxivAndHuggingFaceStaySeventyPapers() throws Exception {
        List<JsonNode> digestPapers = papers();
        assertThat(digestPapers).hasSize(70);
        StringBuilder atom = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        com.fasterxml.jackson.databind.node.ArrayNode hf = JSON.createArrayNode();
        java.util.Map<String, String> arxivOf = new java.util.HashMap<>();
        for (int i = 0; i < digestPapers.size(); i++) {
            JsonNode p = digestPapers.get(i);
            String arxiv = "2409.%05d".formatted(90000 + i);
            arxivOf.put(p.get("id").asText(), arxiv);
            atom.append("<entry><id>http://arxiv.org/abs/")
                    .append(arxiv)
                    .append("v1</id>")
                    .append("<published>2024-09-07T14:25:39Z</published><updated>2024-09-08T10:00:00Z</updated>")
                    .append("<title>")
                    .append(xml(p.get("title").asText()))
                    .append("</title>")
                    .append("<summary>")
                    .append(xml(p.get("abstract").asText()))
                    .append("</summary>")
                    .append("<author><name>Author ")
                    .append(i)
                    .append("</name></author></entry>\n");
            if (i % 7 == 0) {
                com.fasterxml.jackson.databind.node.ObjectNode entry = hf.addObject();
                com.fasterxml.jackson.databind.node.ObjectNode paper = entry.putObject("paper");
                paper.put("id", arxiv);
                paper.put("title", p.get("title").asText());
                paper.put("summary", p.get("abstract").asText());
                paper.putArray("authors").addObject().put("name", "Author " + i);
                paper.put("publishedAt", "2024-09-07T14:25:39.000Z");
                entry.put("title", p.get("title").asText());
            }
        }
        atom.append("</feed>\n");
        HttpResponse<String> feed =
                stack.post(stack.ingestPort, "/api/v1/papers", "application/atom+xml", atom.toString(), Stack.TOKEN);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(202);
        HttpResponse<String> daily = stack.post(
                stack.ingestPort, "/api/v1/papers", "application/json", JSON.writeValueAsString(hf), Stack.TOKEN);
        assertThat(daily.statusCode()).as(daily.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<JsonNode> now = papers();
                    return now.size() == 70
                            && now.stream().allMatch(p -> p.get("id").asText().startsWith("arxiv:"))
                            && now.stream()
                                            .filter(p -> p.get("sources").size() == 3)
                                            .count()
                                    == 10;
                });
        List<JsonNode> merged = papers();
        for (JsonNode before : digestPapers) {
            String arxiv = arxivOf.get(before.get("id").asText());
            JsonNode after = merged.stream()
                    .filter(p -> p.get("id").asText().equals("arxiv:" + arxiv))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no paper arxiv:" + arxiv));
            assertThat(after.get("title").asText())
                    .isEqualTo(before.get("title").asText());
            assertThat(after.at("/ids/arxiv").asText()).isEqualTo(arxiv);
            assertThat(after.at("/ids/aliases").toString())
                    .contains(before.get("id").asText());
            assertThat(after.get("links").findValuesAsText("url"))
                    .as(arxiv)
                    .containsAll(before.get("links").findValuesAsText("url"));
            // the digest's id still finds the paper, as do the other forms
            for (String form :
                    List.of(before.get("id").asText(), arxiv, "arXiv:" + arxiv + "v1", "10.48550/arXiv." + arxiv)) {
                HttpResponse<String> one = stack.get(stack.queryPort, "/api/v1/papers/" + form);
                assertThat(one.statusCode()).as(form).isEqualTo(200);
                assertThat(JSON.readTree(one.body()).get("id").asText()).isEqualTo("arxiv:" + arxiv);
            }
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    @Order(3)
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
        stack.restart(
                "enrich-service",
                Map.of(
                        "PAPERSTREAM_ENRICH_TAXONOMY_FILE",
                        taxonomy.toString(),
                        "PAPERSTREAM_ENRICH_GROUP",
                        "paperstream-enrich-replay",
                        "PAPERSTREAM_ENRICH_VERSION",
                        "2.0.0-replay"));

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> papers().stream()
                        .allMatch(p -> p.at("/enrichment/version").asText().equals("2.0.0-replay")));
        List<JsonNode> papers = papers();
        assertThat(papers).hasSize(70);
        String digest = Files.readString(stack.root.resolve("deploy/local/sample/daily-papers-sample.txt"))
                .toLowerCase();
        for (JsonNode paper : papers) {
            List<String> tags = paper.get("tags").findValuesAsText("name");
            boolean mentions = (paper.get("title").asText() + " "
                            + paper.get("abstract").asText())
                    .toLowerCase()
                    .contains("permutation");
            assertThat(tags)
                    .as(paper.get("title").asText())
                    .isEqualTo(mentions ? List.of("replay-permutations") : List.of());
        }
        assertThat(digest).contains("permutation");
        assertThat(papers.stream().filter(p -> p.get("tags").size() > 0).count())
                .isGreaterThan(3);
    }

    /**
     * One trace per paper across the three services: the ingest request's W3C trace id comes out on query-service's
     * log line of the stored paper (JSON in prod, the trace id in its MDC), through papers.raw, enrich-service and
     * papers.enriched. The services' logs are JSON lines.
     */
    @Test
    @Order(10) // after the tests that count the sample's 70 papers: it adds one
    void aPapersTraceIdReachesTheLogLineOfItsStoredPaper() throws Exception {
        // a W3C trace id: 32 lower-case hex digits, not all zero
        String trace = String.format("%016x%016x", 0xe2e0L, System.nanoTime());
        String id = "arxiv:2612.00042";
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + stack.ingestPort + "/api/v1/papers"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Stack.TOKEN)
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"title":"A paper followed by its trace","abstract":"Its trace id is on the stored paper's log line.",
                         "authors":["T. Racer"],"arxivId":"2612.00042"}"""))
                .build();
        HttpResponse<String> accepted =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Path log = stack.workDir.resolve("query-service.log");
        String expectedTrace = trace;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readAllLines(log).stream()
                        .anyMatch(l -> l.contains("stored " + id) && l.contains(expectedTrace)));
        JsonNode line = JSON.readTree(Files.readAllLines(log).stream()
                .filter(l -> l.contains("stored " + id) && l.contains(expectedTrace))
                .findFirst()
                .orElseThrow());
        assertThat(line.path("mdc").path("traceId").asText())
                .as("a JSON log line with the trace id")
                .isEqualTo(trace);
        assertThat(stack.get(stack.queryPort, "/api/v1/papers/" + id).statusCode())
                .isEqualTo(200);
    }

    /**
     * Every metric that deploy/observability's alerts and dashboard panels name is one the running services export
     * (their /q/metrics on the management ports), so that no alert silently watches nothing.
     */
    @Test
    @Order(11)
    void everyMetricOfTheAlertsAndTheDashboardIsExported() throws Exception {
        Path observability = stack.root.resolve("deploy/observability");
        java.util.Set<String> named = new java.util.TreeSet<>();
        named.addAll(MetricNames.inRulesOrDashboard(Files.readString(observability.resolve("prometheus-rule.yaml"))));
        named.addAll(MetricNames.inRulesOrDashboard(Files.readString(observability.resolve("dashboard.json"))));
        assertThat(named).hasSizeGreaterThan(10);
        // a consumer's lag metrics appear once it has fetched from its partitions: a service the tests before this
        // one restarted may need a moment, so read until all are there (or the time is up and the assertion says
        // which are missing)
        java.util.Set<String> exported = new java.util.TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        do {
            exported.clear();
            for (String service : List.of("ingest-service", "enrich-service", "query-service")) {
                HttpResponse<String> metrics = stack.get(stack.managementPort(service), "/q/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                exported.addAll(MetricNames.inExposition(metrics.body()));
            }
            if (exported.containsAll(named)) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        assertThat(exported).as("the metrics the alerts and panels read").containsAll(named);
    }

    private static long revisionOf(List<JsonNode> before, String id) {
        return before.stream()
                .filter(p -> p.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow()
                .get("revision")
                .asLong();
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
