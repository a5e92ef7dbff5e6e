package io.paperstream.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (bench/ingest/ingest-bench.sh): synthetic papers posted to the packaged ingest-service as NDJSON batches,
 * against Kafka's own ProducerPerformance (acks=all, same producer settings) writing the same payloads to the same
 * broker, in the same run. Prints both rates and the ratio (target: ingest >= 50% of the raw producer rate).
 */
public final class IngestBench {
    public static void main(String[] args) throws Exception {
        int papers = Integer.getInteger("papers", 50_000);
        int batch = Integer.getInteger("batch", 1_000);
        int clients = Integer.getInteger("clients", 4);
        try (Stack stack = new Stack().start(Set.of("ingest-service"))) {
            SyntheticPapers generator = new SyntheticPapers(42);
            List<String> lines = new ArrayList<>(papers);
            for (int i = 0; i < papers; i++) {
                lines.add(generator.json(i));
            }
            // warm-up: JIT and connections, not measured
            post(stack, String.join("\n", lines.subList(0, Math.min(2_000, papers))));

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    int sent = 0;
                    for (int from = next.getAndAdd(batch); from < papers; from = next.getAndAdd(batch)) {
                        String body = String.join("\n", lines.subList(from, Math.min(from + batch, papers)));
                        HttpResponse<String> r = http.send(request(stack, body), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                        }
                        sent += Math.min(batch, papers - from);
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> f : done) {
                sent += f.get();
            }
            double ingestRate = sent / ((System.nanoTime() - start) / 1e9);
            pool.shutdown();

            Path payloads = stack.workDir.resolve("payloads.ndjson");
            Files.write(payloads, lines);
            double producerRate = KafkaTools.producerRate(stack.kafkaBootstrap(), "bench.raw", papers, payloads,
                    List.of("acks=all", "enable.idempotence=true", "compression.type=lz4", "linger.ms=5", "batch.size=131072"));

            System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("papers: %d (avg %d bytes), NDJSON batches of %d, %d concurrent clients%n", papers,
                    lines.stream().mapToInt(String::length).sum() / papers, batch, clients);
            System.out.printf("ingest-service (HTTP NDJSON -> papers.raw, 202 after acks=all): %,.0f papers/s%n", ingestRate);
            System.out.printf("kafka ProducerPerformance (acks=all, same payloads):             %,.0f records/s%n", producerRate);
            System.out.printf("ratio: %.2f (target >= 0.50)%n", ingestRate / producerRate);
        }
    }

    private static void post(Stack stack, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request(stack, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private static HttpRequest request(Stack stack, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ingestPort + "/api/v1/papers"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + Stack.TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
