package io.paperstream.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Bulk load of the arXiv snapshot, end to end, against each stage alone, in one run (packaged services as processes,
 * real broker and database): 100,000 generated snapshot records ({@code -Dpapers}) through deploy/local/load.sh's
 * loader.
 * <ol>
 *   <li>ingest alone: only ingest-service runs; the loader's papers/s (every chunk acknowledged by Kafka);</li>
 *   <li>enrich alone: enrich-service starts on that backlog of papers.raw; papers/s onto papers.enriched;</li>
 *   <li>sink alone: query-service starts on that backlog of papers.enriched; papers/s visible in the query API;</li>
 *   <li>whole load: everything running, a second file of as many other papers through the loader; papers/s from the
 *       loader's start until the query API shows them all.</li>
 * </ol>
 * The backlog rates are measured from the first record out to the last (JVM start-up excluded). Target: whole load
 * at least 70 % of the slowest stage.
 */
public final class SnapshotLoadBench {
    public static void main(String[] args) throws Exception {
        int papers = Integer.getInteger("papers", 100_000);
        Path dir = Files.createTempDirectory("paperstream-load-bench-");
        Path first = dir.resolve("snapshot-a.json");
        Path second = dir.resolve("snapshot-b.json");
        write(first, "2601", papers);
        write(second, "2602", papers);
        System.out.printf(Locale.ROOT, "snapshot files: 2 x %,d records, %,d bytes each%n", papers, Files.size(first));
        try (Stack stack = new Stack()) {
            stack.start(Set.of("ingest-service"));
            double ingest = load(stack, first, dir.resolve("state-a"), papers).rate;
            System.out.printf(
                    Locale.ROOT, "ingest alone (loader -> ingest-service -> papers.raw): %,.0f papers/s%n", ingest);

            long enrichedBefore = endOffsets(stack.kafkaBootstrap(), "papers.enriched");
            stack.startServices(Set.of("enrich-service"));
            double enrich =
                    backlogRate(() -> endOffsets(stack.kafkaBootstrap(), "papers.enriched") - enrichedBefore, papers);
            System.out.printf(
                    Locale.ROOT, "enrich alone (papers.raw backlog -> papers.enriched): %,.0f papers/s%n", enrich);

            stack.startServices(Set.of("query-service"));
            double sink = backlogRate(() -> total(stack), papers);
            System.out.printf(Locale.ROOT, "sink alone (papers.enriched backlog -> query API): %,.0f papers/s%n", sink);

            long start = System.nanoTime();
            Loaded whole = load(stack, second, dir.resolve("state-b"), papers);
            long deadline = System.currentTimeMillis() + 30 * 60_000L;
            while (total(stack) < 2L * papers && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double stored = papers / seconds;
            double slowest = Math.min(ingest, Math.min(enrich, sink));
            System.out.printf(
                    Locale.ROOT,
                    "whole load (loader -> ... -> visible in the query API): %,.0f papers/s"
                            + " (%.1f s; the loader alone finished after %.1f s)%n",
                    stored,
                    seconds,
                    whole.seconds);
            System.out.printf(
                    Locale.ROOT,
                    "ratio whole / slowest stage: %.0f %% (target >= 70 %%); load average %.2f%n",
                    100 * stored / slowest,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    record Loaded(double rate, double seconds) {}

    /** Runs the loader as a user would (java SnapshotLoader.java), returns papers/s it reports for its own run. */
    private static Loaded load(Stack stack, Path file, Path state, int papers) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        stack.root.resolve("deploy/local/SnapshotLoader.java").toString(),
                        "--url",
                        "http://localhost:" + stack.ingestPort,
                        "--state-dir",
                        state.toString(),
                        "--every",
                        "10",
                        file.toString())
                .redirectErrorStream(true);
        builder.environment().put("PAPERSTREAM_INGEST_TOKEN", Stack.TOKEN);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        System.out.print(output.lines().map(l -> "  | " + l).collect(Collectors.joining("\n", "", "\n")));
        if (code != 0) {
            throw new IllegalStateException("the loader exited with " + code);
        }
        Matcher done =
                Pattern.compile("done: ([\\d,]+) records.* in ([\\d.]+) s").matcher(output);
        if (!done.find()) {
            throw new IllegalStateException("no summary from the loader");
        }
        double seconds = Double.parseDouble(done.group(2));
        return new Loaded(papers / seconds, seconds);
    }

    /** papers/s of a stage draining a backlog: from its first output to its last. */
    private static double backlogRate(LongSupplier count, int papers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30 * 60_000L;
        long firstAt = 0;
        long firstCount = 0;
        while (System.currentTimeMillis() < deadline) {
            long n = count.getAsLong();
            if (firstAt == 0 && n > 0) {
                firstAt = System.nanoTime();
                firstCount = n;
            }
            if (n >= papers) {
                return (n - firstCount) / ((System.nanoTime() - firstAt) / 1e9);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the stage did not finish within 30 minutes");
    }

    private static long total(Stack stack) {
        try {
            String body = stack.get(stack.queryPort, "/api/v1/papers?limit=1&fields=id")
                    .body();
            Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long endOffsets(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> specs = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(specs).all().get().values().stream()
                    .mapToLong(i -> i.offset())
                    .sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Snapshot records of realistic size, ids {prefix}.00000 onwards (the snapshot's own field names and shapes). */
    static void write(Path file, String prefix, int papers) throws IOException {
        SyntheticPapers synthetic = new SyntheticPapers(prefix.hashCode());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < papers; i++) {
                String paper = synthetic.json(i);
                String title = field(paper, "title");
                String abstractText = field(paper, "abstract");
                String id = prefix + "." + String.format("%05d", i);
                out.write(
                        "{\"id\":\"" + id
                                + "\",\"submitter\":\"A. Author\",\"authors\":\"A. Author, B. Author and C. Author\","
                                + "\"title\":\"" + title + "\",\"comments\":\"12 pages"
                                + (i % 4 == 0 ? "; code: https://github.com/lab" + (i % 89) + "/p" + i : "")
                                + "\",\"journal-ref\":null,\"doi\":null,\"report-no\":null,"
                                + "\"categories\":\"cs.LG cs.CL\",\"license\":\"http://creativecommons.org/licenses/by/4.0/\","
                                + "\"abstract\":\"" + abstractText + "\",\"versions\":[{\"version\":\"v1\",\"created\":"
                                + "\"Mon, 5 Jan 2026 10:00:00 GMT\"}],\"update_date\":\"2026-01-06\","
                                + "\"authors_parsed\":[[\"Author\",\"A.\",\"\"],[\"Author\",\"B.\",\"\"],[\"Author\",\"C.\",\"\"]]}\n");
            }
        }
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
