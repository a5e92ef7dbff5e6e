package io.paperstream.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the local stack as a process: a real Kafka broker and a real, durable PostgreSQL server, until SIGTERM/SIGINT.
 *
 * <pre>java -jar local-stack.jar --kafka-port 19092 --postgres-port 15432 --data-dir .local-run/data --ready-file f</pre>
 *
 * <ul>
 * <li>The data stays in {@code --data-dir} across runs; {@code --clean} starts empty, {@code --temporary} also
 *     deletes it at exit (tests).</li>
 * <li>The broker runs as a process of its own ({@link KafkaBrokerMain}); PostgreSQL is its postmaster process. Both are
 *     supervised: when one exits or is killed ({@code kill -9}), it is started again on the same port and data, as
 *     a container runtime would. So a test (or a person) restarts the broker alone by killing its process.</li>
 * <li>When ready it writes {@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_JDBC_URL}, {@code POSTGRES_USER},
 *     {@code POSTGRES_PASSWORD}, {@code KAFKA_PID} and {@code POSTGRES_PID} lines to the ready file (atomically, so a
 *     script can wait for it to appear), and writes it again with the new process ids after every restart.</li>
 * <li>{@code --partitions} (default 3): partitions of the paperstream topics it creates.</li>
 * <li>{@code --kafka-segment-bytes} (default 8 MB, for a quick recovery after a crash; see {@link KafkaBroker}): the
 *     broker's log segment size. The enrich benchmark gives Kafka's default 1 GB, so that the log cleaner does not
 *     compact the topics it fills while it measures.</li>
 * </ul>
 * Ports default to free ones (then kept for the life of the process).
 */
public final class LocalStackMain {
    private static volatile boolean stopping;

    private LocalStackMain() {}

    public static void main(String[] args) {
        try {
            run(parse(args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "0"));
        int postgresPort = Integer.parseInt(options.getOrDefault("postgres-port", "0"));
        int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
        Path dataDir =
                Path.of(options.getOrDefault("data-dir", "local-stack-data")).toAbsolutePath();
        boolean temporary = options.containsKey("temporary");
        if (options.containsKey("clean")) {
            Files2.deleteRecursively(dataDir);
        }
        Path readyFile = options.containsKey("ready-file")
                ? Path.of(options.get("ready-file")).toAbsolutePath()
                : null;

        Postgres postgres =
                Postgres.start(postgresPort == 0 ? Ports.free() : postgresPort, dataDir.resolve("postgres"), temporary);
        BrokerProcess kafka = new BrokerProcess(
                kafkaPort == 0 ? Ports.free() : kafkaPort,
                Ports.free(),
                dataDir.resolve("kafka"),
                Long.parseLong(options.getOrDefault("kafka-segment-bytes", "0")));
        try {
            kafka.start();
            for (String topic : Topics.ALL) {
                KafkaBroker.createTopic(kafka.bootstrapServers(), topic, partitions, Topics.configOf(topic));
            }
            // ingest-service's harvesting checkpoints and lease: ONE partition (its holder harvests), compacted
            KafkaBroker.createTopic(
                    kafka.bootstrapServers(), Topics.SOURCES_CHECKPOINTS, 1, Map.of("cleanup.policy", "compact"));
        } catch (Exception | Error e) {
            kafka.stop();
            postgres.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping = true;
                            try {
                                kafka.stop();
                            } finally {
                                postgres.close();
                                if (temporary) {
                                    Files2.deleteRecursively(dataDir);
                                }
                                stopped.countDown();
                            }
                        },
                        "local-stack-shutdown"));

        Runnable ready = () -> writeReadyFile(readyFile, kafka, postgres);
        ready.run();
        System.out.println("local-stack ready: kafka " + kafka.bootstrapServers() + " (pid " + kafka.pid()
                + "), postgres " + postgres.jdbcUrl() + " (pid " + postgres.postmasterPid() + "), data in " + dataDir);
        supervise(kafka, postgres, ready, stopped);
    }

    /** Starts the broker or PostgreSQL again whenever it is gone, until the local stack stops. */
    private static void supervise(BrokerProcess kafka, Postgres postgres, Runnable ready, CountDownLatch stopped)
            throws InterruptedException {
        while (!stopped.await(250, TimeUnit.MILLISECONDS)) {
            if (stopping) {
                continue;
            }
            try {
                if (postgres.restartIfCrashed()) {
                    System.out.println(
                            "local-stack: PostgreSQL had stopped; restarted it (pid " + postgres.postmasterPid() + ")");
                    ready.run();
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    System.out.println(
                            "local-stack: restarting PostgreSQL failed (" + e.getMessage() + "); trying again");
                    Thread.sleep(1000);
                }
            }
            try {
                if (!stopping && kafka.restartIfExited()) {
                    System.out.println(
                            "local-stack: the Kafka broker had exited; restarted it (pid " + kafka.pid() + ")");
                    ready.run();
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    System.out.println(
                            "local-stack: restarting the Kafka broker failed (" + e.getMessage() + "); trying again");
                    Thread.sleep(1000);
                }
            }
        }
    }

    private static synchronized void writeReadyFile(Path readyFile, BrokerProcess kafka, Postgres postgres) {
        if (readyFile == null) {
            return;
        }
        String content = "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers() + "\n"
                + "POSTGRES_JDBC_URL=" + postgres.jdbcUrl() + "\n"
                + "POSTGRES_USER=" + Postgres.USER + "\n"
                + "POSTGRES_PASSWORD=" + Postgres.PASSWORD + "\n"
                + "KAFKA_PID=" + kafka.pid() + "\n"
                + "POSTGRES_PID=" + postgres.postmasterPid() + "\n";
        try {
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + readyFile, e);
        }
    }

    /** The broker as a child process ({@link KafkaBrokerMain}) on fixed ports and a kept data directory. */
    static final class BrokerProcess {
        private final int port;
        private final int controllerPort;
        private final Path dataDir;
        private final BrokerClassData classData;
        /** The broker's log segment size, or 0 for {@link KafkaBroker}'s default (given as its system property). */
        private final long segmentBytes;

        private Process process;

        BrokerProcess(int port, int controllerPort, Path dataDir, long segmentBytes) {
            this.segmentBytes = segmentBytes;
            this.port = port;
            this.controllerPort = controllerPort;
            this.dataDir = dataDir;
            this.classData = new BrokerClassData(dataDir.resolve("jvm"));
        }

        String bootstrapServers() {
            return "localhost:" + port;
        }

        synchronized long pid() {
            return process == null ? -1 : process.pid();
        }

        synchronized void start() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + System.getProperty("paperstream.kafka.heap", "512m"),
                    // C1 only: a broker JVM starts with about half the CPU time (no C2 compilations while it loads its
                    // logs and registers), and at the local stack's rates it also used less CPU in its first minute
                    // of work (faults/README.md)
                    "-XX:TieredStopAtLevel=1"));
            command.addAll(classData.jvmOptions());
            if (segmentBytes > 0) {
                command.add("-D" + KafkaBroker.SEGMENT_BYTES_PROPERTY + "=" + segmentBytes);
            }
            String extra = System.getenv("PAPERSTREAM_KAFKA_JVM_OPTS"); // e.g. a log level for diagnosis
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    KafkaBrokerMain.class.getName(),
                    "--port",
                    Integer.toString(port),
                    "--controller-port",
                    Integer.toString(controllerPort),
                    "--data-dir",
                    dataDir.toString()));
            // its output goes where the local stack's goes
            process = new ProcessBuilder(command).inheritIO().start();
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Ports.isOpen(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue());
                }
                if (System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the Kafka broker did not open port " + port);
                }
                sleep(100);
            }
            classData.brokerStarted();
        }

        synchronized boolean restartIfExited() {
            if (process == null || process.isAlive()) {
                return false;
            }
            try {
                start();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            return true;
        }

        /** SIGTERM (a clean shutdown keeps every acknowledged record), then SIGKILL after 60 s. */
        synchronized void stop() {
            classData.close();
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("clean") || name.equals("temporary")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for --" + name);
            }
        }
        return options;
    }
}
