package io.paperstream.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark (bench/enrich/topic-bench.sh): the packaged enrich-service consuming a pre-filled papers.raw and producing
 * papers.enriched, against Kafka's own ConsumerPerformance (same input) and ProducerPerformance (same outputs,
 * acks=all) on the same broker in the same run.
 */
public final class EnrichBench {
    public static void main(String[] args) throws Exception {
        int papers = Integer.getInteger("papers", 100_000);
        // Papers the service enriches before the measured ones (all are in the input before it starts): a fresh JVM
        // spends its first tens of seconds compiling (C2 took 37 s of CPU on 2 cores in one profile; after 150,000
        // papers the JIT still took 10-13 µs per paper, after 300,000 4-8), which a long-running service pays once;
        // the warm rate is over the last `papers` outputs, the cold one over all.
        int warmup = Integer.getInteger("warmup", 300_000);
        int total = warmup + papers;
        // the enrich consumer's input: papers.resolved (the resolver, inside enrich-service too, writes it from
        // papers.raw); -Dinput=papers.raw measures the resolver and the enrich consumer together
        String input = System.getProperty("input", "papers.resolved");
        // 6 partitions: the service's 2 consumers get 3 each (with 3, one consumer had 2 and worked alone for the last
        // third of the run)
        int partitionCount = 6;
        // Kafka's default 1 GB log segments (what the Strimzi manifests run), not the local stack's 8 MB: the input
        // and output topics are compacted, and with 8 MB segments the broker's log cleaner kept rewriting them during
        // the measured window (0.32 of a core in one sample; the broker's CPU per paper 28-52 µs instead of 14), on the
        // 2 cores the service is measured on, while ProducerPerformance writes a topic that is never compacted.
        // -Dsegment.bytes=8388608 measures with the local stack's segments.
        long segmentBytes = Long.getLong("segment.bytes", 1L << 30);
        try (Stack stack = new Stack()
                .withPartitions(partitionCount)
                .withKafkaSegmentBytes(segmentBytes)
                .startLocalStack()) {
            String bootstrap = stack.kafkaBootstrap();
            IntFunction<String> generator = corpus(System.getProperty("corpus", "real"));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            5,
                            ProducerConfig.COMPRESSION_TYPE_CONFIG,
                            "lz4"),
                    new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < total; i++) {
                    String id = "title:%016x".formatted(i);
                    String body = generator.apply(i);
                    String value = "{\"id\":\"" + id + "\",\"revision\":1," + body.substring(1);
                    producer.send(new ProducerRecord<>(input, id, value));
                }
                producer.flush();
            }

            long started = System.nanoTime();
            stack.startServices(Set.of("enrich-service"));
            long first = 0;
            long warm = 0;
            Duration cpuAtWarm = Duration.ZERO;
            Duration stackCpuAtWarm = Duration.ZERO;
            CpuSnapshot atWarm = null;
            long count = 0;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                List<TopicPartition> partitions = IntStream.range(0, partitionCount)
                        .mapToObj(p -> new TopicPartition("papers.enriched", p))
                        .toList();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (count < total && System.nanoTime() < deadline) {
                    count = admin
                            .listOffsets(
                                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                            .all()
                            .get()
                            .values()
                            .stream()
                            .mapToLong(o -> o.offset())
                            .sum();
                    if (first == 0 && count > 0) {
                        first = System.nanoTime();
                    }
                    if (warm == 0 && count >= warmup) {
                        warm = System.nanoTime();
                        cpuAtWarm = stack.cpu("enrich-service");
                        stackCpuAtWarm = stack.cpu("local-stack");
                        atWarm = CpuSnapshot.take(stack.pid("enrich-service"));
                    }
                    Thread.sleep(20);
                }
            }
            long last = System.nanoTime();
            if (count < total) {
                throw new IllegalStateException("only " + count + " of " + total + " enriched; see " + stack.workDir);
            }
            double coldRate = total / ((last - first) / 1e9);
            double enrichRate = papers / ((last - warm) / 1e9);
            double cpuPerPaperUs = stack.cpu("enrich-service").minus(cpuAtWarm).toNanos() / 1e3 / papers;
            double stackCpuPerPaperUs =
                    stack.cpu("local-stack").minus(stackCpuAtWarm).toNanos() / 1e3 / papers;
            String breakdown = atWarm.report(CpuSnapshot.take(stack.pid("enrich-service")), papers);

            Path enriched = stack.workDir.resolve("enriched.ndjson");
            Files.write(enriched, readAll(bootstrap, "papers.enriched", papers));
            double consumerRate = KafkaTools.consumerRate(bootstrap, input, papers);
            // Kafka's own producer on the same outputs, three alternating rounds each (the median is reported: one
            // round of a few seconds varies by a third on a shared machine): with the service's producer settings
            // (enrich-service application.properties), and with the default 16 KB batches the service had when the
            // issue set the target (its yardstick)
            List<String> defaultBatches = KafkaTools.SERVICE_PRODUCER.stream()
                    .filter(setting -> !setting.startsWith("batch.size="))
                    .toList();
            List<Double> producerRates = new ArrayList<>();
            List<Double> defaultBatchRates = new ArrayList<>();
            // what producing alone costs per record, for comparison with the service's CPU per paper: the
            // ProducerPerformance process while it sends (see KafkaTools.producer), and the broker over the whole
            // round (it idles while the tool's JVM starts, so its figure is a little high)
            List<Double> producerClientUs = new ArrayList<>();
            List<Double> producerBrokerUs = new ArrayList<>();
            // records per round (payloads drawn from the service's outputs, as ProducerPerformance does): as many as
            // the service's measured window by default; more gives its JVM a longer, warmer round
            int producerRecords = Integer.getInteger("producer.records", papers);
            for (int round = 0; round < 3; round++) {
                Duration brokerBefore = stack.cpu("local-stack");
                KafkaTools.ProducerRun run = KafkaTools.producer(
                        bootstrap, "bench.enriched", producerRecords, enriched, KafkaTools.SERVICE_PRODUCER);
                producerBrokerUs.add(
                        stack.cpu("local-stack").minus(brokerBefore).toNanos() / 1e3 / producerRecords);
                producerRates.add(run.rate());
                producerClientUs.add(run.clientCpuUs());
                defaultBatchRates.add(KafkaTools.producerRate(
                        bootstrap, "bench.enriched.default-batch", producerRecords, enriched, defaultBatches));
            }
            double producerRate = KafkaTools.median(producerRates);
            double defaultBatchRate = KafkaTools.median(defaultBatchRates);

            System.out.printf(
                    "machine: %d cores, %s; %d papers measured after %d warm-up papers; corpus %s; broker log segments"
                            + " %,d bytes%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    papers,
                    warmup,
                    System.getProperty("corpus", "real"),
                    segmentBytes);
            System.out.printf(
                    "enrich-service " + input
                            + " -> papers.enriched: %,.0f records/s warm (the last %d outputs; %.0f µs of the"
                            + " service's CPU per paper); %,.0f records/s cold (first to last output; %.1f s from"
                            + " process start)%n",
                    enrichRate,
                    papers,
                    cpuPerPaperUs,
                    coldRate,
                    (last - started) / 1e9);
            System.out.printf(
                    "  measured window: %s; the broker (local-stack, with PostgreSQL) %.0f µs per paper%n",
                    breakdown, stackCpuPerPaperUs);
            System.out.printf(
                    "kafka ConsumerPerformance on " + input + ":       %,.0f records/s  (ratio %.2f)%n",
                    consumerRate,
                    enrichRate / consumerRate);
            System.out.printf(
                    "kafka ProducerPerformance, the service's settings: %,.0f records/s  (ratio %.2f; rounds %s)%n",
                    producerRate, enrichRate / producerRate, rounds(producerRates));
            System.out.printf(
                    "  its CPU per record while sending (medians): the ProducerPerformance process %.0f µs, the"
                            + " broker %.0f µs (the service: %.0f µs, the broker %.0f µs per paper)%n",
                    KafkaTools.median(producerClientUs),
                    KafkaTools.median(producerBrokerUs),
                    cpuPerPaperUs,
                    stackCpuPerPaperUs);
            System.out.printf(
                    "kafka ProducerPerformance, default 16 KB batches: %,.0f records/s  (ratio %.2f; rounds %s)%n",
                    defaultBatchRate, enrichRate / defaultBatchRate, rounds(defaultBatchRates));
            System.out.printf("  (cold: ratio %.2f to ProducerPerformance)%n", coldRate / producerRate);
        }
    }

    /**
     * {@code real} (the default): real arXiv abstracts ({@link RealAbstracts}), what the service meets;
     * {@code synthetic}: keyword-only text ({@link SyntheticPapers}), the enrichment's worst case.
     */
    private static IntFunction<String> corpus(String name) {
        switch (name) {
            case "real":
                return RealAbstracts.load(Path.of(System.getProperty("paperstream.root", ".")))::json;
            case "synthetic":
                return new SyntheticPapers(7)::json;
            default:
                throw new IllegalArgumentException("-Dcorpus must be real or synthetic, not " + name);
        }
    }

    private static String rounds(List<Double> values) {
        return values.stream().map(v -> String.format("%,.0f", v)).collect(Collectors.joining(", "));
    }

    private static List<String> readAll(String bootstrap, String topic, int n) {
        List<String> values = new ArrayList<>(n);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-read",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (values.size() < n) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    if (r.value() != null) {
                        values.add(r.value());
                    }
                }
            }
        }
        return values;
    }
}
