package io.paperstream.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Benchmark (bench/e2e/pipeline-bench.sh): papers sent to ingest-service until visible in the query API, next to each
 * stage alone, in the same run, with 1 and then 2 instances each of enrich-service and query-service (topics of 6
 * partitions). Per instance count, on a fresh local stack:
 * <ol>
 * <li>ingest alone: {@code papers} papers posted as NDJSON (4 clients, batches of 1,000), nothing consuming;</li>
 * <li>enrich alone: enrich-service started on that backlog; first to last record on papers.enriched;</li>
 * <li>store alone: query-service started on the enriched backlog; first to last paper counted by the API;</li>
 * <li>end to end: {@code papers} new papers posted with everything running; first send to the last one visible in the
 *     query API.</li>
 * </ol>
 * Prints the rates, the CPU time per 1,000 papers of each process group in each phase (the broker, PostgreSQL, each
 * service's instances: where the work goes, for the scale model in the README) and end-to-end as a share of the slowest
 * stage (target >= 60 %). Further instances start alongside the first, so that all share a stage's backlog.
 */
public final class PipelineBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int papers = Integer.getInteger("papers", 100_000);
        List<Integer> instanceCounts = java.util.Arrays.stream(
                        System.getProperty("instances", "1,2").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        SyntheticPapers first = new SyntheticPapers(11);
        SyntheticPapers second = new SyntheticPapers(13);
        List<String> setA = new ArrayList<>(papers);
        List<String> setB = new ArrayList<>(papers);
        for (int i = 0; i < papers; i++) {
            setA.add(first.json(i));
            setB.add(second.json(papers + i));
        }
        List<String> lines = new ArrayList<>();
        for (int instances : instanceCounts) {
            lines.add(run(instances, papers, setA, setB));
        }
        System.out.printf(
                "%nmachine: %d cores, %s, load average %s; %,d papers per phase, topics of 6 partitions%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).strip(),
                papers);
        lines.forEach(System.out::println);
    }

    private static String run(int instances, int papers, List<String> setA, List<String> setB) throws Exception {
        try (Stack stack = new Stack().withPartitions(6).startLocalStack()) {
            stack.startServices(Set.of("ingest-service"));
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Cpu cpu = new Cpu(stack);
            double ingest = send(stack, http, setA);
            String ingestCpu = cpu.since(papers);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
                // the other instances start alongside the first (not after it is ready), so that all of them share the
                // backlog from the start
                for (int i = 2; i <= instances; i++) {
                    stack.startJob("enrich-service-" + i, "enrich-service", Map.of());
                }
                stack.startServices(Set.of("enrich-service"));
                cpu.reset();
                double enrich = rate(() -> endOffsets(admin, "papers.enriched"), papers);
                String enrichCpu = cpu.since(papers);

                for (int i = 2; i <= instances; i++) {
                    stack.startJob("query-service-" + i, "query-service", Map.of());
                }
                stack.startServices(Set.of("query-service"));
                cpu.reset();
                double store = rate(() -> total(stack, http), papers);
                String storeCpu = cpu.since(papers);

                cpu.reset();
                long start = System.nanoTime();
                send(stack, http, setB);
                double sent = (System.nanoTime() - start) / 1e9;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
                while (total(stack, http) < 2L * papers) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "not all papers visible after 15 minutes; see " + stack.workDir);
                    }
                    Thread.sleep(100);
                }
                double endToEnd = papers / ((System.nanoTime() - start) / 1e9);
                String endToEndCpu = cpu.since(papers);
                double slowest = Math.min(ingest, Math.min(enrich, store));
                return String.format(
                        Locale.ROOT,
                        "%d instance(s) of enrich-service and query-service:%n"
                                + "  ingest alone %,9.0f papers/s   CPU per 1,000 papers: %s%n"
                                + "  enrich alone %,9.0f papers/s   CPU per 1,000 papers: %s%n"
                                + "  store alone  %,9.0f papers/s   CPU per 1,000 papers: %s%n"
                                + "  end to end   %,9.0f papers/s   CPU per 1,000 papers: %s%n"
                                + "    (sent -> visible in the API; all sent after %.1f s) = %.0f %% of the slowest stage "
                                + "(target >= 60 %%)",
                        instances,
                        ingest,
                        ingestCpu,
                        enrich,
                        enrichCpu,
                        store,
                        storeCpu,
                        endToEnd,
                        endToEndCpu,
                        sent,
                        100 * endToEnd / slowest);
            }
        }
    }

    /** CPU time of the stack's processes (the local stack: broker and PostgreSQL; each service's instances). */
    private static final class Cpu {
        private final Stack stack;
        private final Map<String, Duration> start = new java.util.HashMap<>();

        Cpu(Stack stack) {
            this.stack = stack;
            reset();
        }

        private Map<String, Duration> now() {
            Map<String, Duration> byGroup = new java.util.TreeMap<>();
            for (String name : List.of(
                    "local-stack",
                    "ingest-service",
                    "enrich-service",
                    "enrich-service-2",
                    "query-service",
                    "query-service-2")) {
                try {
                    Duration d = stack.cpu(name); // the local stack's: its broker process (a child)
                    String group = name.replaceAll("-\\d$", "").replace("local-stack", "broker");
                    byGroup.merge(group, d, Duration::plus);
                } catch (RuntimeException e) {
                    // not started (yet)
                }
            }
            // PostgreSQL runs detached from the local stack (pg_ctl): the postmaster and its backends
            try {
                ProcessHandle.of(stack.postgresPid()).ifPresent(pg -> {
                    Duration d = pg.info().totalCpuDuration().orElse(Duration.ZERO);
                    for (ProcessHandle child : pg.descendants().toList()) {
                        d = d.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
                    }
                    byGroup.put("postgres", d);
                });
            } catch (Exception e) {
                // no figure
            }
            return byGroup;
        }

        void reset() {
            start.clear();
            start.putAll(now());
        }

        /** CPU seconds per 1,000 papers since the last reset, per process group. */
        String since(int papers) {
            StringBuilder sb = new StringBuilder();
            now().forEach((group, d) -> {
                double seconds =
                        (d.toMillis() - start.getOrDefault(group, Duration.ZERO).toMillis()) / 1000.0;
                if (seconds > 0.05) {
                    sb.append(sb.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%s %.2f s", group, seconds * 1000 / papers));
                }
            });
            return sb.toString();
        }
    }

    /** Posts the lines as NDJSON batches of 1,000 from 4 clients; answers papers/s. */
    private static double send(Stack stack, HttpClient http, List<String> lines) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                done.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(1000); from < lines.size(); from = next.getAndAdd(1000)) {
                        String body = String.join("\n", lines.subList(from, Math.min(from + 1000, lines.size())));
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + stack.ingestPort + "/api/v1/papers"))
                                        .header("Content-Type", "application/x-ndjson")
                                        .header("Authorization", "Bearer " + Stack.TOKEN)
                                        .timeout(Duration.ofMinutes(2))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 202) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return lines.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Rate from the first to the last of {@code count} items, as a counter polled every 50 ms shows them. */
    private static double rate(LongSupplier counter, long count) throws InterruptedException {
        long first = 0;
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (seen < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + count + " after 15 minutes");
            }
            seen = counter.getAsLong();
            if (first == 0 && seen > 0) {
                first = System.nanoTime();
            }
            Thread.sleep(50);
        }
        return count / ((System.nanoTime() - first) / 1e9);
    }

    private static long endOffsets(Admin admin, String topic) {
        try {
            List<TopicPartition> partitions = IntStream.range(0, 6)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            return admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The API's total of all papers (exact: trigger-kept counters). */
    private static long total(Stack stack, HttpClient http) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + stack.queryPort + "/api/v1/papers?limit=1&fields=id"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).get("total").asLong() : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
