package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.ingest.api.InFlightBytes;
import io.paperstream.localstack.KafkaResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Overload, against the real broker: more bodies at once than the service holds are answered 503 + Retry-After at
 * once (the one problem shape), with the bodies held bounded; clients sending a byte a second hold no worker thread (a
 * normal request is served promptly while 40 of them are open, with 8 worker threads) and are answered 408.
 */
@IngestIT
@TestProfile(OverloadIT.SmallBounds.class)
class OverloadIT {
    static final long BUDGET = 3 * 1024 * 1024;

    public static class SmallBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "paperstream.ingest.overload.max-in-flight-bytes",
                    Long.toString(BUDGET),
                    "paperstream.ingest.overload.upload-grace",
                    "2s",
                    "paperstream.ingest.overload.min-upload-rate",
                    "1024",
                    "paperstream.ingest.overload.retry-after-seconds",
                    "3",
                    "quarkus.thread-pool.max-threads",
                    "8");
        }
    }

    @Inject
    InFlightBytes inFlight;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A JSON array of papers of about {@code bytes} bytes. */
    private static String papers(int bytes) {
        StringBuilder json = new StringBuilder("[");
        String run = UUID.randomUUID().toString();
        for (int i = 0; json.length() < bytes; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"title": "Overload %s paper %d", "abstract": "We study load shedding carefully. %s"}""".formatted(run, i, "Words of an abstract. ".repeat(60)));
        }
        return json.append("]").toString();
    }

    @Test
    void moreBodiesThanItHoldsAreShedAtOnceWithBoundedMemory() {
        List<String> bodies =
                IntStream.range(0, 32).mapToObj(i -> papers(1_000_000)).toList();
        URI uri = URI.create("http://localhost:" + RestAssured.port + Api.PAPERS);
        long start = System.nanoTime();
        List<CompletableFuture<Timed>> answers = bodies.stream()
                .map(body -> http.sendAsync(
                                HttpRequest.newBuilder(uri)
                                        .header("Authorization", "Bearer " + Api.TOKEN)
                                        .header("Content-Type", "application/json")
                                        .timeout(Duration.ofSeconds(60))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> new Timed(r, System.nanoTime() - start)))
                .toList();
        List<Timed> done = answers.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> statuses =
                done.stream().collect(Collectors.groupingBy(t -> t.response.statusCode(), Collectors.counting()));
        assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(202, 503);
        assertThat(statuses.get(202)).as("some are taken").isPositive();
        assertThat(statuses.get(503)).as("the rest are shed").isPositive();
        for (Timed t : done.stream().filter(t -> t.response.statusCode() == 503).toList()) {
            ProblemShape.check(
                    503,
                    t.response.headers().firstValue("Content-Type").orElse(""),
                    t.response.body(),
                    "overloaded",
                    Api.PAPERS);
            assertThat(t.response.headers().firstValue("Retry-After")).hasValue("3");
        }
        List<Long> shedMillis = done.stream()
                .filter(t -> t.response.statusCode() == 503)
                .map(t -> t.nanos / 1_000_000)
                .sorted()
                .toList();
        System.out.printf(
                "OverloadIT: %s; 503 answered after %s ms; held at most %d bytes%n",
                statuses, shedMillis, inFlight.highWater());
        assertThat(shedMillis.get(shedMillis.size() / 2))
                .as("a shed request is answered at once (median ms)")
                .isLessThan(3_000);
        assertThat(inFlight.highWater()).as("bodies held at once").isLessThanOrEqualTo(BUDGET);
        assertThat(inFlight.held()).as("everything released").isZero();
    }

    @Test
    void whileKafkaTakesNothingFurtherRequestsAreShedAtOnceInsteadOfWaitingForTheTimeout() {
        Api.json()
                .body(Api.paper("Before the pause " + UUID.randomUUID()))
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
        String big = papers(
                2_000_000); // most of the budget (3 MiB; %test body limit 2 MiB), held until Kafka answers or 6 s
        KafkaResource.broker().pause();
        try {
            CompletableFuture<io.restassured.response.Response> held =
                    CompletableFuture.supplyAsync(() -> Api.json().body(big).post(Api.PAPERS));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.held() >= 1_900_000);
            long start = System.nanoTime();
            io.restassured.response.Response shed =
                    Api.json().body(papers(1_200_000)).post(Api.PAPERS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(shed.statusCode()).isEqualTo(503);
            ProblemShape.check(503, shed.contentType(), shed.asString(), "overloaded", Api.PAPERS);
            assertThat(millis)
                    .as("shed at once, not after the publish timeout (6 s)")
                    .isLessThan(3_000);
            io.restassured.response.Response timedOut = held.join();
            assertThat(timedOut.statusCode()).isEqualTo(503);
            ProblemShape.check(503, timedOut.contentType(), timedOut.asString(), "broker-unavailable", Api.PAPERS);
            System.out.printf("OverloadIT: Kafka paused: a request beyond the bound was shed after %d ms%n", millis);
        } finally {
            KafkaResource.broker().resume();
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Api.json()
                        .body(Api.paper("After the pause " + UUID.randomUUID()))
                        .post(Api.PAPERS)
                        .then()
                        .statusCode(202));
    }

    @Test
    void aClientThatAsksBeforeSendingIsToldToContinue() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            byte[] body = Api.paper("Expect continue " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Api.PAPERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.TOKEN
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] interim = new byte[25];
            int n = in.readNBytes(interim, 0, interim.length);
            assertThat(new String(interim, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100 Continue");
            out.write(body);
            out.flush();
            assertThat(read(socket)).contains("HTTP/1.1 202");
        }
    }

    @Test
    void slowUploadsHoldNoWorkerAndAreAnswered408() throws Exception {
        // warm: the producer's first metadata fetch is not what is measured
        Api.json()
                .body(Api.paper("Before the slow uploads " + UUID.randomUUID()))
                .post(Api.PAPERS)
                .then()
                .statusCode(202);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + Api.PAPERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.TOKEN
                                + "\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n[")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            // a byte a second from each of them, while a normal request is served promptly
            Thread trickle = new Thread(() -> {
                for (int s = 0; s < 10; s++) {
                    for (Socket socket : slow) {
                        try {
                            socket.getOutputStream().write(' ');
                            socket.getOutputStream().flush();
                        } catch (IOException closed) {
                            // answered and closed: expected after the grace
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Api.json()
                        .body(Api.paper("Served beside slow uploads " + UUID.randomUUID()))
                        .post(Api.PAPERS)
                        .then()
                        .statusCode(202);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
            // past the grace (2 s) they are answered 408 and closed
            String answer = read(slow.get(0));
            ProblemShape.checkRaw(answer, 408, "request-timeout", Api.PAPERS);
            trickle.interrupt();
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static String read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // reset after the answer
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private record Timed(HttpResponse<String> response, long nanos) {}
}
