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
        int rounds = Integer.getInteger("rounds", 5);
        int warmup = Integer.getInteger("warmup", 150_000);
        try (Stack stack = new Stack().start(Set.of("ingest-service"))) {
            SyntheticPapers generator = new SyntheticPapers(42);
            List<String> lines = new ArrayList<>(papers);
            for (int i = 0; i < papers; i++) {
                lines.add(generator.json(i));
            }
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // warm-up (JIT of both sides, connections, producer buffers): the same load, not measured
            for (int posted = 0; posted < warmup; posted += papers) {
                ingestRound(stack, http, lines.subList(0, Math.min(papers, warmup - posted)), batch, clients);
            }
            Path payloads = stack.workDir.resolve("payloads.ndjson");
            Files.write(payloads, lines);
            // rounds alternate so that a change of machine load affects both sides alike
            List<Double> ingest = new ArrayList<>();
            List<Double> producer = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Duration[] cpuBefore = cpu(stack);
                ingest.add(ingestRound(stack, http, lines, batch, clients));
                Duration[] cpuAfter = cpu(stack);
                System.out.printf(
                        "round %d: CPU ms per 1,000 papers: ingest-service %d, broker+postgres %d, this client %d%n",
                        round,
                        (cpuAfter[0].toMillis() - cpuBefore[0].toMillis()) * 1000 / papers,
                        (cpuAfter[1].toMillis() - cpuBefore[1].toMillis()) * 1000 / papers,
                        (cpuAfter[2].toMillis() - cpuBefore[2].toMillis()) * 1000 / papers);
                producer.add(KafkaTools.producerRate(
                        stack.kafkaBootstrap(), "bench.raw", papers, payloads, KafkaTools.SERVICE_PRODUCER));
                System.out.printf(
                        "round %d: ingest %,.0f papers/s, producer %,.0f records/s (%.2f)%n",
                        round,
                        ingest.get(round - 1),
                        producer.get(round - 1),
                        ingest.get(round - 1) / producer.get(round - 1));
            }
            double ingestRate = KafkaTools.median(ingest);
            double producerRate = KafkaTools.median(producer);

            System.out.printf(
                    "machine: %d cores, %s, load average %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(
                    "papers: %d per round (avg %d bytes), NDJSON batches of %d, %d concurrent clients, %d rounds after %d warm-up papers%n",
                    papers, lines.stream().mapToInt(String::length).sum() / papers, batch, clients, rounds, warmup);
            System.out.printf(
                    "ingest-service (HTTP NDJSON -> papers.raw, 202 after acks=all), median: %,.0f papers/s%n",
                    ingestRate);
            System.out.printf(
                    "kafka ProducerPerformance (acks=all, same payloads), median:             %,.0f records/s%n",
                    producerRate);
            System.out.printf("ratio: %.2f (target >= 0.50)%n", ingestRate / producerRate);
        }
    }

    /** Posts all lines as NDJSON batches from {@code clients} threads; returns papers/s. */
    private static double ingestRound(Stack stack, HttpClient http, List<String> lines, int batch, int clients)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    int sent = 0;
                    for (int from = next.getAndAdd(batch); from < lines.size(); from = next.getAndAdd(batch)) {
                        String body = String.join("\n", lines.subList(from, Math.min(from + batch, lines.size())));
                        HttpResponse<String> r = http.send(request(stack, body), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                        }
                        sent += Math.min(batch, lines.size() - from);
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> f : done) {
                sent += f.get();
            }
            return sent / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static Duration[] cpu(Stack stack) {
        return new Duration[] {
            stack.cpu("ingest-service"),
            stack.cpu("local-stack"),
            ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO)
        };
    }

    private static HttpRequest request(Stack stack, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + stack.ingestPort + "/api/v1/papers"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + Stack.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
