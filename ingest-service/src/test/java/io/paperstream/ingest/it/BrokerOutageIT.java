package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.localstack.KafkaResource;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Kafka down: a request fails within a bounded time with 503 + Retry-After; back up: the service recovers by itself. */
@IngestIT
class BrokerOutageIT {

    @Test
    void outageIs503WithinBoundedTimeThenRecovers() {
        // Warm the producer so that the outage, not the first connection, is what is measured.
        Api.json()
                .body(Api.paper("Before the outage " + UUID.randomUUID()))
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
        KafkaResource.broker().pause();
        try {
            long start = System.nanoTime();
            Response response = Api.json()
                    .body(Api.paper("During the outage " + UUID.randomUUID()))
                    .post(Api.PAPERS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            response.then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("2"))
                    .body("status", equalTo(503));
            ProblemShape.check(503, response.contentType(), response.asString(), "broker-unavailable", Api.PAPERS);
            // the timeout is what the message says (%test: publish-timeout 6 s), counted from the send
            assertThat(response.jsonPath().getString("detail")).contains("within 6 s");
            assertThat(took).isLessThan(Duration.ofMillis(6_000 + 1_500));
            Api.authorized().delete(Api.PAPERS + "/arxiv:2401.00001").then().statusCode(503);
        } finally {
            KafkaResource.broker().resume();
        }
        String body = Api.paper("After the outage " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> Api.json().body(body).post(Api.PAPERS).then().statusCode(202));
    }
}
