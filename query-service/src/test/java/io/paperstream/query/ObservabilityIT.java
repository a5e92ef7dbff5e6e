package io.paperstream.query;

import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health (readiness covers the database and the Kafka consumer), Prometheus metrics, OpenAPI and Swagger UI. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ObservabilityIT {
    // health and metrics are on the management interface (a port of their own), not on the API's port
    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/well", management = true)
    URL well;

    @Test
    void readinessCoversTheDatabaseAndTheKafkaConsumer() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> when().get(ready)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItem(containsString("PostgreSQL")))
                        .body("checks.name", hasItem(containsString("Messaging")))
                        .body(
                                "checks.find { it.name.contains('Messaging') }.data",
                                org.hamcrest.Matchers.hasKey("papers-enriched$1")));
    }

    @Test
    void sinkAndConsumerMetricsAreExported() {
        try (Feed feed = new Feed()) {
            feed.send(Papers.paper(
                    "arxiv:2604.00001",
                    1,
                    "Measured paper",
                    "Counted once.",
                    LocalDate.of(2025, 3, 1),
                    List.of("metrics-it"),
                    List.of()));
            Feed.awaitTagged("metrics-it", 1);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> when().get(metrics)
                        .then()
                        .statusCode(200)
                        .body(matchesPattern("(?s).*\\npaperstream_query_papers_stored_total(\\{[^}]*})? [1-9].*"))
                        .body(containsString("paperstream_query_batch_size_count"))
                        .body(containsString("paperstream_query_batch_duration_seconds"))
                        .body(matchesPattern(
                                "(?s).*\\npaperstream_query_ingest_to_stored_seconds_count(\\{[^}]*})? [1-9].*"))
                        // consumer lag and fetch rates from the Kafka client binder
                        .body(containsString("kafka_consumer_fetch_manager_records_lag"))
                        .body(containsString("kafka_consumer_fetch_manager_records_consumed_total")));
    }

    @Test
    void theStageProgressWatchReportsTheGroup() {
        // service-kit's StageProgress, a bean here because this service sets paperstream.progress.watch=true
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> when().get(well)
                        .then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'paperstream-stage-progress' }.status", equalTo("UP"))
                        .body(
                                "checks.find { it.name == 'paperstream-stage-progress' }.data.topic",
                                equalTo("papers.enriched")));
        when().get(metrics)
                .then()
                .statusCode(200)
                .body(matchesPattern("(?s).*\\npaperstream_stage_lag\\{group=\"[^\"]+\"} [0-9.E-]+\\n.*"))
                .body(containsString("paperstream_stage_stalled{"))
                .body(containsString("paperstream_stage_seconds_since_progress{"));
    }

    @Test
    void metricsAreNotOnTheApiPort() {
        when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void openApiDocumentsTheApiWithExamplesAndSwaggerUiIsServed() {
        when().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/papers"))
                .body("paths.keySet()", hasItem("/api/v1/facets"))
                .body("paths.keySet()", hasItem("/api/v1/code/{owner}/{repo}"))
                .body(
                        "paths.'/api/v1/papers'.get.responses.'200'.content.'application/json'.examples.search.value.total",
                        equalTo(137));
        when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void openApiListsEachEndpointsFilterParametersWithItsOwnDescriptions() {
        // the filters are one @BeanParam (FilterParams); each endpoint still lists all its query parameters by name
        String papers = "paths.'/api/v1/papers'.get.parameters";
        String facets = "paths.'/api/v1/facets'.get.parameters";
        String stream = "paths.'/api/v1/papers/stream'.get.parameters";
        when().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        papers + ".name",
                        contains(
                                "author",
                                "category",
                                "cursor",
                                "fields",
                                "from",
                                "host",
                                "limit",
                                "linkKind",
                                "q",
                                "sort",
                                "subject",
                                "tag",
                                "to",
                                "total"))
                .body(
                        papers + ".find { it.name == 'tag' }.description",
                        equalTo("tag name; repeatable, all must match"))
                .body(papers + ".find { it.name == 'tag' }.example", equalTo("computer-vision"))
                .body(papers + ".find { it.name == 'tag' }.schema.type", equalTo("array"))
                .body(papers + ".find { it.name == 'q' }.schema.type", equalTo("string"))
                .body(papers + ".find { it.name == 'limit' }.description", equalTo("page size, 1-200 (default 20)"))
                .body(
                        facets + ".name",
                        contains(
                                "author",
                                "category",
                                "exact",
                                "from",
                                "host",
                                "limit",
                                "linkKind",
                                "q",
                                "subject",
                                "tag",
                                "to"))
                .body(facets + ".find { it.name == 'q' }.description", equalTo("search text, as in /papers"))
                .body(facets + ".find { it.name == 'author' }.schema.type", equalTo("array"))
                .body(
                        stream + ".name",
                        contains(
                                "author",
                                "category",
                                "from",
                                "host",
                                "linkKind",
                                "q",
                                "subject",
                                "tag",
                                "to",
                                "Last-Event-ID"))
                .body(stream + ".find { it.name == 'q' }.description", nullValue());
    }
}
