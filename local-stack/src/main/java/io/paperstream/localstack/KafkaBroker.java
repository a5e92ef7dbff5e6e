package io.paperstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running inside this JVM,
 * on a free port and a throw-away data directory. Replication factors are 1.
 */
public final class KafkaBroker implements AutoCloseable {
    /** The system property that sets the broker's log.segment.bytes (8 MB by default, see {@link #start}). */
    static final String SEGMENT_BYTES_PROPERTY = "paperstream.kafka.segment.bytes";

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private KafkaRaftServer server;

    private KafkaBroker(int port, int controllerPort, Path dataDir, boolean deleteDataOnClose) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** Starts a broker on a free port with a temporary data directory (deleted on close). */
    public static KafkaBroker start() {
        try {
            return start(Ports.free(), Files.createTempDirectory("paperstream-kafka-"), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Kafka data directory", e);
        }
    }

    /** Starts a broker on the given port, keeping its data in {@code dataDir} (formatted on first use). */
    public static KafkaBroker start(int port, Path dataDir, boolean deleteDataOnClose) {
        return start(port, Ports.free(), dataDir, deleteDataOnClose);
    }

    /**
     * Starts a broker on the given client and controller ports: a broker restarted on the same data directory (its
     * own process, {@link KafkaBrokerMain}) keeps both, so clients and the KRaft quorum find it where it was.
     */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir, boolean deleteDataOnClose) {
        KafkaBroker broker = new KafkaBroker(port, controllerPort, dataDir, deleteDataOnClose);
        broker.startServer();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Creates topics (ignoring ones that exist) with the given partition count and topic configs. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        createTopic(bootstrapServers(), name, partitions, configs);
    }

    /** Creates a topic (ignoring one that exists) on the broker at {@code bootstrapServers}. */
    public static void createTopic(String bootstrapServers, String name, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    private void startServer() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        // After a crash (kill -9) the broker re-reads and checks every log from its recovery point before it opens its
        // port; the recovery point only moves when a log is flushed, which by default happens only when a 1 GB segment
        // rolls, so a restart re-read everything. Flushing every 5 s and checkpointing the recovery points every 5 s
        // moves it; no flush per message still. But recovery starts at the beginning of the segment that holds the
        // recovery point, and a 1 GB segment never rolls here: every partition was re-read from its first record
        // (about 11 ms per MB of the services' small batches under load). 8 MB segments bound that to 8 MB per
        // partition (faults/README.md, time to recover).
        props.put("log.flush.interval.ms", "5000");
        props.put("log.flush.scheduler.interval.ms", "1000");
        props.put("log.flush.offset.checkpoint.interval.ms", "5000");
        // A benchmark may ask for Kafka's default 1 GB (LocalStackMain --kafka-segment-bytes): with 8 MB segments
        // the log cleaner keeps compacting the compacted topics a benchmark fills, on the cores it measures.
        props.put("log.segment.bytes", Long.toString(Long.getLong(SEGMENT_BYTES_PROPERTY, 8L * 1024 * 1024)));
        // After a kill -9 the restarted controller still holds the dead incarnation's registration and refuses the new
        // one (DUPLICATE_BROKER_REGISTRATION) until that registration's session expires: broker.session.timeout.ms,
        // 9 s by default, counted from the controller's activation, plus up to one registration retry. The broker only
        // opens its port once registered, so that wait was most of a restart (faults/README.md). 3 s with a heartbeat
        // every 0.5 s: a live broker has six heartbeats per session (both ends are in this one process).
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "500");
        try {
            format(props);
            server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            Ports.awaitOpen(port, 60_000);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker", e);
        }
    }

    private void format(Properties props) throws IOException {
        Path metaProps = dataDir.resolve("logs").resolve("meta.properties");
        if (Files.exists(metaProps)) {
            return;
        }
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "paperstream local-stack broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"
                },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Stops the broker but keeps its data and port, so that {@link #resume()} brings the same broker back. */
    public void pause() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public void resume() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void close() {
        pause();
        if (deleteDataOnClose) {
            Files2.deleteRecursively(dataDir);
        }
    }

    /** Topics as the services expect them, for tests and the local run. */
    public void createPaperstreamTopics(Collection<String> names, int partitions) {
        for (String name : names) {
            createTopic(name, partitions, Topics.configOf(name));
        }
    }
}
