package io.paperstream.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Kafka's own performance tools (kafka-tools jar) as child processes and reads their rate. */
final class KafkaTools {
    /**
     * The producer settings of ingest-service's papers-raw and enrich-service's papers-enriched channels (their
     * application.properties), for ProducerPerformance to write as the services do.
     */
    static final List<String> SERVICE_PRODUCER =
            List.of("acks=all", "enable.idempotence=true", "compression.type=lz4", "linger.ms=5", "batch.size=131072");

    private KafkaTools() {}

    /** The median of several rounds' rates (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One ProducerPerformance run: records/s, and the CPU its process used per record while sending (µs). */
    record ProducerRun(double rate, double clientCpuUs) {}

    /** ProducerPerformance with the payloads of a file (one per line); returns records/s. */
    static double producerRate(String bootstrap, String topic, int records, Path payloads, List<String> producerProps)
            throws IOException, InterruptedException {
        return producer(bootstrap, topic, records, payloads, producerProps).rate();
    }

    /** ProducerPerformance with the payloads of a file (one per line): its rate and its own CPU per record sent. */
    static ProducerRun producer(String bootstrap, String topic, int records, Path payloads, List<String> producerProps)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CpuReporting.class.getName(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                topic,
                "--num-records",
                Integer.toString(records),
                "--payload-file",
                payloads.toString(),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap));
        command.addAll(producerProps);
        String out = run(command);
        Matcher m =
                Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec").matcher(out);
        double rate = -1;
        while (m.find()) {
            rate = Double.parseDouble(m.group(2));
        }
        // the CPU of the sending phase: the last records / rate seconds of the process (before them it started its
        // JVM and read its payload file; after them only the producer's close)
        Matcher sample = Pattern.compile(Pattern.quote(CpuReporting.PREFIX) + " (\\d+) (\\d+)")
                .matcher(out);
        List<long[]> timeline = new ArrayList<>();
        while (sample.find()) {
            timeline.add(new long[] {Long.parseLong(sample.group(1)), Long.parseLong(sample.group(2))});
        }
        if (rate < 0 || timeline.size() < 2) {
            throw new IllegalStateException("no rate or CPU time in ProducerPerformance output:\n" + out);
        }
        long[] end = timeline.get(timeline.size() - 1);
        long from = end[0] - Math.round(records / rate * 1000);
        long[] begin =
                timeline.stream().filter(t -> t[0] <= from).reduce((a, b) -> b).orElse(timeline.get(0));
        double sendingCpuNs = (end[1] - begin[1]) * (double) (end[0] - from) / Math.max(1, end[0] - begin[0]);
        return new ProducerRun(rate, sendingCpuNs / 1e3 / records);
    }

    /** ConsumerPerformance reading {@code records} from a topic; returns records/s (nMsg.sec). */
    static double consumerRate(String bootstrap, String topic, int records) throws IOException, InterruptedException {
        String out = run(List.of(
                java(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                bootstrap,
                "--topic",
                topic,
                "--messages",
                Integer.toString(records),
                "--timeout",
                "60000",
                "--group",
                "perf-" + System.nanoTime()));
        // header line then a CSV line: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,
        // nMsg.sec, ...
        String[] lines = out.strip().split("\n");
        String[] fields = lines[lines.length - 1].split(",\\s*");
        return Double.parseDouble(fields[5]);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command.subList(4, 6)) + "\n" + out);
        }
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
