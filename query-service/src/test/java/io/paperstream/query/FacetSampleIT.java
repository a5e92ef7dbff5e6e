package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.testsupport.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facets too costly to count exactly are counted on a sample of the papers: here the budget is zero, so every counted
 * filter is sampled. The answer must say so, and its counts must be exactly the counts of the sampled papers (those whose
 * id hashes into bucket 0 of 8, computed here from the definition) times 8, after inserts, updates and deletions
 * through the real sink; {@code exact=true} must count every paper.
 */
@QuarkusTest
@TestProfile(FacetSampleIT.TinyBudget.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class FacetSampleIT {
    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.query.facet-budget", "0", "paperstream.query.total-limit", "20");
        }
    }

    private static final String ALL = "fs-all";
    private static final List<String> TAGS = List.of("fs-a", "fs-b", "fs-c", "fs-d");
    private static final List<String> HOSTS = List.of("fs-one.example", "fs-two.example", "fs-three.example");
    private static final List<LinkKind> KINDS = List.of(LinkKind.CODE, LinkKind.MODEL, LinkKind.DATASET);
    private static final Map<String, EnrichedPaper> PAPERS = new TreeMap<>();
    /** Which papers have the phrase "zebrafinch songs" (the others have both words apart). */
    private static final Map<String, Boolean> PHRASE = new HashMap<>();

    @BeforeEach
    void seed() {
        if (!PAPERS.isEmpty()) {
            return;
        }
        Random random = new Random(5);
        for (int i = 0; i < 400; i++) {
            String id = "doi:10.9999/fs" + i;
            List<String> tags = new ArrayList<>(List.of(ALL));
            TAGS.stream().filter(t -> random.nextInt(3) == 0).forEach(tags::add);
            List<Link> links = new ArrayList<>();
            for (int l = random.nextInt(3); l > 0; l--) {
                links.add(Papers.link(
                        KINDS.get(random.nextInt(KINDS.size())),
                        HOSTS.get(random.nextInt(HOSTS.size())),
                        "o/r" + random.nextInt(1000)));
            }
            boolean phrase = i % 3 == 0;
            String text =
                    (phrase ? "We record zebrafinch songs at dawn." : "Songs, we find, are what a zebrafinch learns.")
                            + (i % 100 == 0 ? " A quiet lantern." : "");
            PAPERS.put(
                    id,
                    Papers.paper(id, 1, "Sampled paper " + i, text, LocalDate.of(2023, 1 + i % 12, 1), tags, links));
            PHRASE.put(id, phrase);
        }
        try (Feed feed = new Feed()) {
            feed.sendAndAwait(ALL, List.copyOf(PAPERS.values()));
        }
    }

    @Test
    void aSampledAnswerSaysSoAndCountsTheSampledPapersScaledUp() throws Exception {
        JsonPath sampled = facets("zebrafinch", false);
        assertThat(sampled.getBoolean("countsExact")).isFalse();
        assertThat(sampled.getBoolean("totalExact")).isFalse();
        assertThat(sampled.getDouble("sample")).isEqualTo(0.125);
        Set<String> inSample = sampledIds();
        assertMatchesModel(sampled, inSample::contains, 8);
        assertThat(inSample)
                .as("the sample is a part of the papers, neither none nor all")
                .hasSizeBetween(20, 80);

        JsonPath exact = facets("zebrafinch", true);
        assertThat(exact.getBoolean("countsExact")).isTrue();
        assertThat(exact.getBoolean("totalExact")).isTrue();
        assertThat(exact.getString("sample")).isNull();
        assertMatchesModel(exact, id -> true, 1);
        assertThat(exact.getInt("total")).isEqualTo(400);
    }

    @Test
    void aPhraseIsCheckedOnTheSampledCandidates() throws Exception {
        Set<String> inSample = sampledIds();
        assertMatchesModel(facets("\"zebrafinch songs\"", false), id -> PHRASE.get(id) && inSample.contains(id), 8);
        JsonPath exact = facets("\"zebrafinch songs\"", true);
        assertMatchesModel(exact, PHRASE::get, 1);
        assertThat(exact.getInt("total")).isEqualTo(134);
    }

    @Test
    void theSampleFollowsUpdatesAndDeletions() throws Exception {
        String tag = "fs-sync";
        Map<String, EnrichedPaper> papers = new TreeMap<>();
        for (int i = 0; i < 120; i++) {
            String id = "doi:10.9999/fs-sync" + i;
            papers.put(
                    id,
                    Papers.paper(
                            id,
                            1,
                            "Synced " + i,
                            "About syncing.",
                            LocalDate.of(2022, 5, 1),
                            List.of(tag, "fs-old"),
                            List.of(Papers.link(LinkKind.CODE, "fs-one.example", "o/r" + i))));
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        papers.values().forEach(p -> records.add(new ProducerRecord<>("papers.enriched", p.id(), Papers.json(p))));
        for (int i = 0; i < 120; i += 2) { // a newer revision with other values
            String id = "doi:10.9999/fs-sync" + i;
            EnrichedPaper p = Papers.paper(
                    id,
                    2,
                    "Synced " + i,
                    "About syncing.",
                    LocalDate.of(2022, 5, 1),
                    List.of(tag, "fs-new"),
                    List.of(Papers.link(LinkKind.MODEL, "fs-two.example", "o/m" + i)));
            papers.put(id, p);
            records.add(new ProducerRecord<>("papers.enriched", id, Papers.json(p)));
        }
        for (int i = 0; i < 120; i += 3) { // deleted
            papers.remove("doi:10.9999/fs-sync" + i);
            records.add(new ProducerRecord<>("papers.enriched", "doi:10.9999/fs-sync" + i, null));
        }
        TestKafka.send(records);
        // the exact counts read table paper: once they are right, every write has committed (the sample with it)
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertMatchesModel(synced(tag, true), papers.values(), id -> true, 1));
        Set<String> inSample = sampledIds();
        JsonPath sampled = synced(tag, false);
        assertThat(sampled.getDouble("sample")).isEqualTo(0.125);
        assertMatchesModel(sampled, papers.values(), inSample::contains, 8);
        assertThat(papers.keySet().stream().filter(inSample::contains).count()).isPositive();
    }

    private static JsonPath synced(String tag, boolean exact) {
        // a date bound makes it a filter the counters cannot answer
        return given().queryParam("tag", tag)
                .queryParam("from", "1900-01-01")
                .queryParam("limit", 1000)
                .queryParam("exact", exact)
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theTotalOfAQuotedPhraseBeyondTheLimitIsTheSamplesCountTimesEight() throws Exception {
        Set<String> inSample = sampledIds();
        long sampledPhrase = PAPERS.keySet().stream()
                .filter(id -> PHRASE.get(id) && inSample.contains(id))
                .count();
        assertThat(sampledPhrase * 8).isGreaterThan(20);
        given().queryParam("q", "\"zebrafinch songs\"")
                .queryParam("tag", ALL)
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200)
                .body("total", equalTo((int) sampledPhrase * 8))
                .body("totalExact", equalTo(false));
        // 4 papers have this phrase: counted exactly unless the sample alone makes more than the limit (20)
        long sampledLantern =
                Set.of("doi:10.9999/fs0", "doi:10.9999/fs100", "doi:10.9999/fs200", "doi:10.9999/fs300").stream()
                        .filter(inSample::contains)
                        .count();
        var lantern = given().queryParam("q", "\"quiet lantern\"")
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/papers")
                .then()
                .statusCode(200);
        if (sampledLantern * 8 > 20) {
            lantern.body("total", equalTo((int) sampledLantern * 8)).body("totalExact", equalTo(false));
        } else {
            lantern.body("total", equalTo(4)).body("totalExact", equalTo(true));
        }
    }

    @Test
    void exactMustBeABoolean() {
        given().queryParam("tag", ALL)
                .queryParam("exact", "maybe")
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("exact"))
                .body("detail", containsString("true or false"));
    }

    private static JsonPath facets(String q, boolean exact) {
        // tag plus text: a filter the counters cannot answer
        return given().queryParam("tag", ALL)
                .queryParam("q", q)
                .queryParam("limit", 1000)
                .queryParam("exact", exact)
                .when()
                .get("/api/v1/facets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void assertMatchesModel(JsonPath answer, Predicate<String> selected, double scale) {
        assertMatchesModel(answer, PAPERS.values(), selected, scale);
    }

    /** The counts and total of the answer equal counting the selected papers' values here, times {@code scale}. */
    private static void assertMatchesModel(
            JsonPath answer, Collection<EnrichedPaper> all, Predicate<String> selected, double scale) {
        List<EnrichedPaper> papers =
                all.stream().filter(p -> selected.test(p.id())).toList();
        Map<String, Map<String, Integer>> want = new HashMap<>();
        for (EnrichedPaper p : papers) {
            p.tags().stream()
                    .map(t -> t.name())
                    .distinct()
                    .forEach(v ->
                            want.computeIfAbsent("tags", f -> new TreeMap<>()).merge(v, 1, Integer::sum));
            p.links().stream()
                    .map(l -> l.kind().wireName())
                    .distinct()
                    .forEach(v -> want.computeIfAbsent("linkKinds", f -> new TreeMap<>())
                            .merge(v, 1, Integer::sum));
            p.links().stream()
                    .map(Link::host)
                    .distinct()
                    .forEach(v ->
                            want.computeIfAbsent("hosts", f -> new TreeMap<>()).merge(v, 1, Integer::sum));
        }
        for (String facet : List.of("tags", "linkKinds", "hosts")) {
            Map<String, Long> expected = new TreeMap<>();
            want.getOrDefault(facet, Map.of()).forEach((v, n) -> expected.put(v, Math.round(n * scale)));
            Map<String, Long> got = new TreeMap<>();
            List<Map<String, Object>> counts = answer.getList(facet);
            counts.forEach(c -> got.put((String) c.get("value"), ((Number) c.get("count")).longValue()));
            assertThat(got).as(facet).isEqualTo(expected);
        }
        assertThat(answer.getLong("total")).isEqualTo(Math.round(papers.size() * scale));
    }

    /** The ids of this test's papers that are in the sample as V4 defines it (bucket 0 of 8), asked of PostgreSQL. */
    private static Set<String> sampledIds() throws Exception {
        var config = ConfigProvider.getConfig();
        Set<String> ids = new HashSet<>();
        try (Connection db = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement s = db.prepareStatement(
                        "SELECT id FROM paper WHERE id LIKE 'doi:10.9999/fs%' " + "AND hashtext(id) & 7 = 0");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
