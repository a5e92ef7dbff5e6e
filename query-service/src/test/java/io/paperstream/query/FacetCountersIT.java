package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.testsupport.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The drill-down facets (one tag, link kind, host, category or year as the filter) come from counters kept by triggers; they
 * must equal what counting the papers gives, after inserts, updates that change a paper's values, replays of the
 * same revision and deletions, all through the real sink.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class FacetCountersIT {
    private static final List<String> TAGS = List.of("fc-vision", "fc-language", "fc-robots", "fc-audio", "fc-graphs");
    private static final List<String> HOSTS = List.of("fc-one.example", "fc-two.example", "fc-three.example");
    private static final List<LinkKind> KINDS =
            List.of(LinkKind.CODE, LinkKind.MODEL, LinkKind.DATASET, LinkKind.OTHER);
    /** Categories and years no other test's papers have (V7's facets). */
    private static final List<String> CATEGORIES = List.of("fcx.AI", "fcx.CL", "fcx-ph.LG");

    private static final List<String> YEARS = List.of("1971", "1972", "1973");

    @Test
    void drillDownFacetsEqualCountingThePapers() {
        Random random = new Random(11);
        Map<String, EnrichedPaper> expected = new LinkedHashMap<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            EnrichedPaper paper = randomPaper(random, "doi:10.9999/fc" + i, 1);
            expected.put(paper.id(), paper);
            records.add(new ProducerRecord<>("papers.enriched", paper.id(), Papers.json(paper)));
        }
        for (int i = 0; i < 150; i += 3) { // a newer revision with other values
            EnrichedPaper paper = randomPaper(random, "doi:10.9999/fc" + i, 2);
            expected.put(paper.id(), paper);
            records.add(new ProducerRecord<>("papers.enriched", paper.id(), Papers.json(paper)));
        }
        for (int i = 1; i < 150; i += 5) { // replayed: same revision, same values
            EnrichedPaper paper = expected.get("doi:10.9999/fc" + i);
            records.add(new ProducerRecord<>("papers.enriched", paper.id(), Papers.json(paper)));
        }
        for (int i = 2; i < 150; i += 7) { // deleted
            expected.remove("doi:10.9999/fc" + i);
            records.add(new ProducerRecord<>("papers.enriched", "doi:10.9999/fc" + i, null));
        }
        EnrichedPaper last = Papers.tagged(
                "doi:10.9999/fc-last", "Facet counter sentinel", LocalDate.of(2020, 1, 1), List.of("fc-sentinel"));
        records.add(new ProducerRecord<>("papers.enriched", last.id(), Papers.json(last)));
        TestKafka.send(records);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        given().get("/api/v1/papers/{id}", last.id()).then().statusCode(200));

        // the sentinel is in one partition only: the other partitions' last batches may still be committing, so the
        // whole comparison is retried until it holds (each check reads committed data only)
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(checkAll(expected)).isEqualTo(18));
    }

    /** Compares counters, counting and the model for every filter; returns how many filters were checked. */
    private static int checkAll(Map<String, EnrichedPaper> expected) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("tag", TAGS);
        filters.put("linkKind", KINDS.stream().map(LinkKind::wireName).toList());
        filters.put("host", HOSTS);
        filters.put("category", CATEGORIES);
        filters.put("year", YEARS);
        int checked = 0;
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            for (String value : filter.getValue()) {
                List<EnrichedPaper> selected = expected.values().stream()
                        .filter(p -> values(p).get(filter.getKey()).contains(value))
                        .toList();
                JsonPath counters = facets(filter.getKey(), value, false);
                // the same filter with a date bound that selects every paper takes the counting path
                JsonPath counted = facets(filter.getKey(), value, true);
                // other test classes share the database: their papers have link kinds too, never fc- tags or hosts
                boolean shared = filter.getKey().equals("linkKind");
                for (String facet : List.of("tag", "linkKind", "host", "category", "year")) {
                    assertThat(asMap(counters, facet, false))
                            .as("%s=%s, %s: counters vs counting", filter.getKey(), value, facet)
                            .isEqualTo(asMap(counted, facet, false));
                    if (shared && facet.equals("linkKind")) {
                        continue;
                    }
                    Map<String, Integer> want = new TreeMap<>();
                    selected.forEach(p -> values(p).get(facet).forEach(v -> want.merge(v, 1, Integer::sum)));
                    assertThat(asMap(counters, facet, true))
                            .as("%s=%s, %s", filter.getKey(), value, facet)
                            .isEqualTo(want);
                }
                if (!shared) {
                    assertThat(counters.getInt("total")).isEqualTo(selected.size());
                }
                checked++;
            }
        }
        return checked;
    }

    private static JsonPath facets(String facet, String value, boolean counting) {
        var request = given().queryParam("limit", 1000);
        if (facet.equals("year")) {
            // a year is what from/to spanning it selects; ending a day earlier selects the same papers (days 1-28)
            // but is no year, so it is counted
            request = request.queryParam("from", value + "-01-01")
                    .queryParam("to", value + (counting ? "-12-30" : "-12-31"));
        } else {
            request = request.queryParam(facet, value);
            if (counting) {
                request = request.queryParam("from", "1900-01-01");
            }
        }
        return request.get("/api/v1/facets").then().statusCode(200).extract().jsonPath();
    }

    /** One facet of an answer as value → count; {@code ours}: only the values this test's papers can have. */
    private static Map<String, Integer> asMap(JsonPath json, String facet, boolean ours) {
        String list =
                switch (facet) {
                    case "tag" -> "tags";
                    case "linkKind" -> "linkKinds";
                    case "category" -> "categories";
                    case "year" -> "years";
                    default -> "hosts";
                };
        Map<String, Integer> out = new TreeMap<>();
        List<Map<String, Object>> counts = json.getList(list);
        for (Map<String, Object> c : counts) {
            String value = (String) c.get("value");
            if (!ours
                    || facet.equals("linkKind")
                    || value.startsWith("fc-")
                    || value.startsWith("fcx")
                    || YEARS.contains(value)) {
                out.put(value, ((Number) c.get("count")).intValue());
            }
        }
        return out;
    }

    private static Map<String, List<String>> values(EnrichedPaper paper) {
        Map<String, List<String>> values = new HashMap<>();
        values.put("tag", paper.tags().stream().map(t -> t.name()).distinct().toList());
        values.put(
                "linkKind",
                paper.links().stream().map(l -> l.kind().wireName()).distinct().toList());
        values.put("host", paper.links().stream().map(Link::host).distinct().toList());
        values.put("category", paper.paper().categories().stream().distinct().toList());
        values.put("year", List.of(String.valueOf(paper.paper().publishedOn().getYear())));
        return values;
    }

    private static EnrichedPaper randomPaper(Random random, String id, long revision) {
        List<String> tags = TAGS.stream().filter(t -> random.nextInt(3) == 0).toList();
        List<Link> links = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String host = HOSTS.get(random.nextInt(HOSTS.size()));
            links.add(
                    Papers.link(KINDS.get(random.nextInt(KINDS.size())), host, "o" + i + "/r" + random.nextInt(1000)));
        }
        List<String> categories =
                CATEGORIES.stream().filter(c -> random.nextInt(2) == 0).toList();
        return Papers.paper(
                id,
                revision,
                "Paper " + id + " r" + revision,
                "About " + id + ".",
                LocalDate.of(
                        Integer.parseInt(YEARS.get(random.nextInt(YEARS.size()))),
                        1 + random.nextInt(12),
                        1 + random.nextInt(28)),
                tags,
                links,
                List.of(),
                categories);
    }
}
