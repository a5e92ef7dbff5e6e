package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.query.api.ExpensiveReads;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A burst of expensive searches cannot take the service from cheap requests: searches (and facets of searches) wait
 * in a bounded queue for a bounded time and are otherwise shed with 503 overloaded + Retry-After in the one problem
 * shape, while a paper by id, the tags and health are answered at once.
 */
@QuarkusTest
@TestProfile(OverloadIT.OneSearchAtATime.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class OverloadIT {
    public static class OneSearchAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "paperstream.query.search-limit.concurrency",
                    "1",
                    "paperstream.query.search-limit.queue",
                    "2",
                    "paperstream.query.search-limit.queue-timeout",
                    "300ms",
                    "paperstream.query.search-limit.retry-after-seconds",
                    "2");
        }
    }

    @Inject
    ExpensiveReads expensive;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileSearchesQueueCheapRequestsAreServedAndTheRestIsShed() {
        given().queryParam("q", "warm").get("/api/v1/papers").then().statusCode(200); // the first request is slow
        // a search that never ends holds the one turn, as a slow search would
        Cancellable held =
                expensive.run(() -> Uni.createFrom().nothing()).subscribe().with(item -> {});
        try {
            long start = System.nanoTime();
            Response search = given().queryParam("q", "diffusion").get("/api/v1/papers");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(search.statusCode()).isEqualTo(503);
            ProblemShape.check(503, search.contentType(), search.asString(), "overloaded", "/api/v1/papers");
            assertThat(search.header("Retry-After")).isEqualTo("2");
            assertThat(millis)
                    .as("shed after the queue timeout (300 ms), not the read timeout")
                    .isLessThan(2_000);
            Response facets = given().queryParam("q", "diffusion").get("/api/v1/facets");
            ProblemShape.check(
                    facets.statusCode(), facets.contentType(), facets.asString(), "overloaded", "/api/v1/facets");

            // the search page says so in words, with the same Retry-After (not a 500 "something went wrong")
            Response page = given().queryParam("q", "diffusion").get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("2");
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("Too many searches right now");

            // cheap requests are not queued
            given().get("/api/v1/papers/arxiv:1999.99999").then().statusCode(404);
            given().get("/api/v1/tags").then().statusCode(200);
            given().queryParam("limit", 5).get("/api/v1/papers").then().statusCode(200);
            given().get("/api/v1/facets").then().statusCode(200);
        } finally {
            held.cancel();
        }
        // the turn is free again
        given().queryParam("q", "diffusion").get("/api/v1/papers").then().statusCode(200);
    }

    @Test
    void aBurstOfSearchesIsAnsweredOrShedAndCheapRequestsStayPrompt() {
        // warm (the first requests of a fresh service are slow on a loaded machine)
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/tags").then().statusCode(200);
            given().queryParam("q", "model")
                    .queryParam("exact", "true")
                    .get("/api/v1/facets")
                    .then()
                    .statusCode(200);
        }
        URI base = URI.create("http://localhost:" + RestAssured.port);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        IntStream.range(0, 60)
                .forEach(i -> burst.add(http.sendAsync(
                        HttpRequest.newBuilder(base.resolve("/api/v1/facets?exact=true&q="
                                        + (i % 2 == 0 ? "model" : "%22language+model%22")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())));
        List<Long> cheapMillis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            given().get("/api/v1/tags").then().statusCode(200);
            cheapMillis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<HttpResponse<String>> answers =
                burst.stream().map(CompletableFuture::join).toList();
        System.out.printf(
                "OverloadIT: burst of 60 searches: %s; cheap requests meanwhile %s ms%n",
                answers.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                HttpResponse::statusCode, java.util.stream.Collectors.counting())),
                cheapMillis);
        assertThat(cheapMillis.stream().sorted().toList().get(cheapMillis.size() / 2))
                .as("median ms of a cheap request")
                .isLessThan(1_000);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503);
        answers.stream()
                .filter(r -> r.statusCode() == 503)
                .forEach(r -> ProblemShape.check(
                        503,
                        r.headers().firstValue("Content-Type").orElse(""),
                        r.body(),
                        "overloaded",
                        "/api/v1/facets"));
    }
}
