package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.PaperLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/** Readiness includes Kafka; Prometheus metrics count records and time requests; OpenAPI documents every format. */
@IngestIT
class OperationsIT {
    @Inject
    IngestConfig config;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/q/metrics")
    URL metricsOnPublicPort;

    @Test
    void theDocumentedLimitsAreTheConfiguredOnes() {
        assertThat(config.limits().toPaperLimits()).isEqualTo(PaperLimits.DEFAULTS);
    }

    @Test
    void theKafkaClientCompressesWithTheNativeLz4Codec() {
        // under Quarkus' class loader lz4-java would pick its slow pure-Java codec unless the service loads the native
        // one
        assertThat(LZ4Factory.fastestInstance().fastCompressor().getClass().getSimpleName())
                .isEqualTo("LZ4JNICompressor");
    }

    @Test
    void readinessIncludesKafka() {
        RestAssured.given()
                .get(ready)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        RestAssured.given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theHarvestGaugesExistWhileHarvestingIsOff() {
        // the harvest-stale alert reads both: a source not configured says enabled 0, never "stale"
        String text = RestAssured.given()
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(text)
                .contains("paperstream_source_enabled{source=\"arxiv-oai\"} 0.0")
                .contains("paperstream_source_enabled{source=\"hf-daily\"} 0.0")
                .contains("paperstream_source_last_success_seconds{source=\"arxiv-oai\"} 0.0")
                .contains("paperstream_source_last_success_seconds{source=\"hf-daily\"} 0.0");
    }

    @Test
    void noStageProgressWatchInAServiceThatConsumesNoTopic() {
        // service-kit's StageProgress is a bean only where paperstream.progress.watch=true (enrich, query)
        String text = RestAssured.given()
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(text).doesNotContain("paperstream_stage_");
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        RestAssured.given().get(metricsOnPublicPort).then().statusCode(404);
    }

    @Test
    void metricsCountRecordsByFormatOutcomeAndReasonAndTimeRequests() {
        Api.json()
                .body("[" + Api.paper("Metered " + UUID.randomUUID()) + ", {\"title\": \"No abstract\"}]")
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
        String text = RestAssured.given()
                .get(metrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(text)
                .contains("paperstream_ingest_records_total{format=\"json\",outcome=\"accepted\",reason=\"none\"}")
                .contains(
                        "paperstream_ingest_records_total{format=\"json\",outcome=\"rejected\",reason=\"abstract.missing\"}")
                .contains("paperstream_ingest_requests_seconds_count{format=\"json\",status=\"202\"}");
    }

    @Test
    void openApiHasAnExampleForEveryFormatAndError() {
        JsonPath doc = RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String post = "paths.'/api/v1/papers'.post";
        for (String type : List.of("application/json", "application/x-ndjson", "text/plain", "application/atom+xml")) {
            assertThat(doc.getMap(post + ".requestBody.content.'" + type + "'.examples"))
                    .as(type)
                    .isNotEmpty();
        }
        for (String status : List.of("202", "400", "401", "413", "415", "503")) {
            assertThat(doc.getMap(post + ".responses.'" + status + "'.content"))
                    .as(status)
                    .isNotEmpty();
        }
        String input = "components.schemas.PaperInput.properties";
        assertThat(doc.getInt(input + ".title.maxLength")).isEqualTo(PaperLimits.DEFAULTS.titleMax());
        assertThat(doc.getInt(input + ".abstract.maxLength")).isEqualTo(PaperLimits.DEFAULTS.abstractMax());
        assertThat(doc.getInt(input + ".authors.maxItems")).isEqualTo(PaperLimits.DEFAULTS.authorsMax());
        assertThat(doc.getInt(input + ".authors.items.maxLength")).isEqualTo(PaperLimits.DEFAULTS.authorMax());
        RestAssured.given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
