package io.paperstream.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Keeps a replica of {@code papers.enriched} (see {@link PaperReplica} for the rules) and prints every change.
 *
 * <pre>
 * java -jar examples/target/paperstream-examples.jar --bootstrap-server localhost:9092 [--from beginning|now]
 *      [--until-caught-up] [--dump replica.ndjson] [--group paperstream-reader-mine] [--command-config client.properties]
 *      [--topic papers.enriched] [--aliases-topic papers.aliases] [--quiet] [--compare-api http://localhost:8080]
 * </pre>
 *
 * {@code --aliases-topic} also keeps {@code papers.aliases} ({@link AliasMap}): other ids of the papers.
 *
 * {@code --compare-api} (with {@code --until-caught-up}): once caught up, compare the replica's ids and revisions with
 * the query API's and exit with status 1 if they differ (checked a few times, as query-service may still be storing).
 *
 * Without {@code --group} it reads every partition itself (no consumer group, nothing committed): an in-memory
 * replica must be rebuilt from the beginning at every start anyway. With {@code --group} it joins that group and
 * commits after applying each batch, which is what a consumer with a persistent replica does (where it starts then
 * depends on the group's committed offsets; {@code --from} only applies to a group without any).
 */
public final class ReplicaConsumer implements AutoCloseable {
    /** The options of one run. */
    public record Options(
            String bootstrapServers,
            String topic,
            boolean fromBeginning,
            String group,
            Path commandConfig,
            boolean untilCaughtUp,
            Path dump,
            boolean quiet,
            String compareApi,
            String aliasesTopic) {}

    private final Options options;
    private final PrintStream out;
    private final KafkaConsumer<String, String> consumer;
    private final PaperReplica replica = new PaperReplica();
    private final AliasMap aliases = new AliasMap();
    private final Map<PaperReplica.Change, Integer> counts = new EnumMap<>(PaperReplica.Change.class);
    private final Map<AliasMap.Change, Integer> aliasCounts = new EnumMap<>(AliasMap.Change.class);
    private final Map<String, Integer> types = new TreeMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Map<TopicPartition, Long> endOffsets;
    private boolean caughtUp;

    public ReplicaConsumer(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.consumer = new KafkaConsumer<>(properties(options));
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: --bootstrap-server HOST:PORT [--topic papers.enriched] [--from beginning|now] "
                    + "[--group ID] [--command-config FILE] [--until-caught-up] [--dump FILE] [--quiet] "
                    + "[--compare-api URL] [--aliases-topic papers.aliases]");
            System.exit(2);
            return;
        }
        try (ReplicaConsumer replicaConsumer = new ReplicaConsumer(options, System.out)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                replicaConsumer.stop();
                try {
                    main.join(10_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }));
            PaperReplica replica = replicaConsumer.run();
            if (options.compareApi() != null && !compare(replica, options.compareApi(), System.out)) {
                System.exit(1);
            }
        }
    }

    /** Consumes until stopped, or (with --until-caught-up) until the end offsets seen at the start are reached. */
    public PaperReplica run() {
        start();
        try {
            while (!stopping.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    handle(record);
                }
                if (options.group() != null && !records.isEmpty()) {
                    consumer.commitSync(); // after the batch was applied: at-least-once
                }
                if (!caughtUp && isCaughtUp()) {
                    caughtUp = true;
                    out.println("caught up: " + replica.size() + " papers"
                            + (options.aliasesTopic() == null
                                    ? ""
                                    : ", " + aliases.aliases().size() + " aliases")
                            + " " + summary());
                    dump();
                    if (options.untilCaughtUp()) {
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            if (!stopping.get()) {
                throw e;
            }
        }
        if (!caughtUp) {
            dump();
        }
        return replica;
    }

    /** Compares the replica with the query API, a few times over 20 s while they differ; true when they agree. */
    static boolean compare(PaperReplica replica, String api, PrintStream out) throws Exception {
        List<String> differences = List.of();
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, Long> revisions = ApiComparison.apiRevisions(api);
            differences = ApiComparison.differences(replica.papers(), revisions);
            if (differences.isEmpty()) {
                out.println("the replica matches the query API at " + api + ": " + revisions.size()
                        + " papers, same ids and revisions");
                return true;
            }
            Thread.sleep(2000);
        }
        out.println("the replica differs from the query API at " + api + " (" + differences.size() + "):");
        differences.stream().limit(20).forEach(d -> out.println("  " + d));
        return false;
    }

    public void stop() {
        stopping.set(true);
        consumer.wakeup();
    }

    public PaperReplica replica() {
        return replica;
    }

    public AliasMap aliases() {
        return aliases;
    }

    private List<String> topics() {
        return options.aliasesTopic() == null
                ? List.of(options.topic())
                : List.of(options.topic(), options.aliasesTopic());
    }

    private void start() {
        if (options.group() != null) {
            consumer.subscribe(topics());
            return;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist (or is not visible)");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        if (options.fromBeginning()) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        types.merge(type == null ? "(no ce_type)" : new String(type.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        if (record.topic().equals(options.aliasesTopic())) {
            handleAlias(record);
            return;
        }
        PaperReplica.Outcome outcome = replica.apply(record.key(), record.value());
        counts.merge(outcome.change(), 1, Integer::sum);
        if (options.quiet()) {
            return;
        }
        String where = " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
        switch (outcome.change()) {
            case ADDED ->
                out.println("ADDED   " + outcome.id() + " r" + outcome.revision() + " "
                        + replica.papers()
                                .get(outcome.id())
                                .path("paper")
                                .path("title")
                                .asText() + where);
            case UPDATED ->
                out.println("UPDATED " + outcome.id() + " r" + outcome.previousRevision() + " -> r" + outcome.revision()
                        + where);
            case DELETED -> out.println("DELETED " + outcome.id() + where);
            case STALE ->
                out.println("STALE   " + outcome.id() + " r" + outcome.revision() + " < stored r"
                        + outcome.previousRevision() + ", ignored" + where);
            case ABSENT -> out.println("ABSENT  " + outcome.id() + " tombstone, nothing to delete" + where);
            case INVALID -> out.println("INVALID " + outcome.id() + " " + outcome.reason() + ", skipped" + where);
        }
    }

    private void handleAlias(ConsumerRecord<String, String> record) {
        AliasMap.Change change = aliases.apply(record.key(), record.value());
        aliasCounts.merge(change, 1, Integer::sum);
        if (options.quiet()) {
            return;
        }
        String where = " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
        switch (change) {
            case SET -> out.println("ALIAS   " + record.key() + " -> " + aliases.canonical(record.key()) + where);
            case REMOVED -> out.println("UNALIAS " + record.key() + where);
            case ABSENT -> out.println("UNALIAS " + record.key() + " (was not known)" + where);
            case INVALID -> out.println("INVALID alias record " + record.key() + ", skipped" + where);
        }
    }

    private boolean isCaughtUp() {
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        if (endOffsets == null || !endOffsets.keySet().equals(assignment)) {
            endOffsets = new HashMap<>(consumer.endOffsets(assignment));
        }
        for (TopicPartition tp : assignment) {
            if (consumer.position(tp) < endOffsets.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private String summary() {
        return "(records by outcome " + counts + (options.aliasesTopic() == null ? "" : ", aliases " + aliasCounts)
                + ", by ce_type " + types + ")";
    }

    /** The replica as NDJSON, one paper per line, sorted by id. */
    private void dump() {
        if (options.dump() == null) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(options.dump(), StandardCharsets.UTF_8)) {
            for (var paper : replica.papers().values()) {
                w.write(paper.toString());
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("wrote " + replica.size() + " papers to " + options.dump());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    static Properties properties(Options options) {
        Properties props = new Properties();
        if (options.commandConfig() != null) {
            try (InputStream in = Files.newInputStream(options.commandConfig())) {
                props.load(in); // security.protocol, sasl.*, ssl.* for a secured cluster
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.fromBeginning() ? "earliest" : "latest");
        if (options.group() != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        }
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "paperstream-replica-example");
        return props;
    }

    static Options parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        List<String> flags = List.of("until-caught-up", "quiet");
        List<String> valued = List.of(
                "bootstrap-server", "topic", "from", "group", "command-config", "dump", "compare-api", "aliases-topic");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            if (flags.contains(name)) {
                o.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for --" + name);
                }
                o.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        String from = o.getOrDefault("from", "beginning");
        if (!from.equals("beginning") && !from.equals("now")) {
            throw new IllegalArgumentException("--from is beginning or now, not " + from);
        }
        String bootstrap = o.getOrDefault(
                "bootstrap-server", System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        return new Options(
                bootstrap,
                o.getOrDefault("topic", "papers.enriched"),
                from.equals("beginning"),
                o.get("group"),
                o.containsKey("command-config") ? Path.of(o.get("command-config")) : null,
                o.containsKey("until-caught-up"),
                o.containsKey("dump") ? Path.of(o.get("dump")) : null,
                o.containsKey("quiet"),
                o.get("compare-api"),
                o.get("aliases-topic"));
    }
}
