package io.paperstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Per-client rate limiting: a client beyond its burst gets 429 problem+json with Retry-After, other clients are
 * served, and the client is served again once its bucket refilled. Clients are told apart by their address (here the
 * forwarded one, as behind an Ingress with proxy address forwarding on).
 */
@QuarkusTest
@TestProfile(RateLimitIT.Limited.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class RateLimitIT {
    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "paperstream.query.rate-limit.enabled",
                    "true",
                    "paperstream.query.rate-limit.burst",
                    "5",
                    "paperstream.query.rate-limit.per-second",
                    "1",
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true");
        }
    }

    @TestHTTPResource("/api/v1/tags")
    URL tags;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String client) {
        try {
            return http.send(request(client), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String client) {
        return HttpRequest.newBuilder(URI.create(tags.toString()))
                .header("X-Forwarded-For", client)
                .build();
    }

    @Test
    void aClientBeyondItsRateGets429WithRetryAfterAndOthersAreServed() {
        // 20 requests at once from one client: at most its burst (5, plus what refills meanwhile) pass
        List<HttpResponse<String>> answers = IntStream.range(0, 20)
                .mapToObj(i -> http.sendAsync(request("203.0.113.7"), HttpResponse.BodyHandlers.ofString()))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();
        assertThat(answers)
                .extracting(HttpResponse::statusCode)
                .containsOnly(200, 429)
                .contains(429);
        HttpResponse<String> refused =
                answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying(s -> assertThat(s).isBetween(1, 5));
        assertThat(refused.body()).contains("\"status\":429");
        ProblemShape.check(
                429,
                refused.headers().firstValue("Content-Type").orElse(""),
                refused.body(),
                "too-many-requests",
                "/api/v1/tags");

        assertThat(get("198.51.100.9").statusCode())
                .as("another client has its own bucket")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("203.0.113.7").statusCode() == 200);
    }
}
