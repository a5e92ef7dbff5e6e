package io.paperstream.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local stack as a process: a real Kafka broker and a real PostgreSQL server, until SIGTERM/SIGINT.
 *
 * <pre>java -jar local-stack.jar --kafka-port 19092 --postgres-port 15432 --data-dir .local-run/data --ready-file f</pre>
 *
 * When ready it writes {@code KAFKA_BOOTSTRAP_SERVERS} and {@code POSTGRES_JDBC_URL} lines to the ready file (written
 * atomically, so a script can wait for it to appear). Ports default to free ones.
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) {
        try {
            run(parse(args));
        } catch (Exception | Error e) {
            // Kafka's non-daemon threads would keep a half-started JVM alive: fail loudly and exit
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Map<String, String> options) throws Exception {
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "0"));
        int postgresPort = Integer.parseInt(options.getOrDefault("postgres-port", "0"));
        Path dataDir = Path.of(options.getOrDefault("data-dir", "local-stack-data")).toAbsolutePath();
        boolean keepData = !options.containsKey("clean");

        Postgres postgres = Postgres.start(postgresPort == 0 ? Ports.free() : postgresPort, dataDir.resolve("postgres"), !keepData);
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(kafkaPort == 0 ? Ports.free() : kafkaPort, dataDir.resolve("kafka"), !keepData);
            kafka.createPaperstreamTopics(Topics.ALL, 3);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
            } finally {
                postgres.close();
                stopped.countDown();
            }
        }, "local-stack-shutdown"));

        String ready = "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers() + "\n"
                + "POSTGRES_JDBC_URL=" + postgres.jdbcUrl() + "\n"
                + "POSTGRES_USER=" + Postgres.USER + "\n"
                + "POSTGRES_PASSWORD=" + Postgres.PASSWORD + "\n";
        if (options.containsKey("ready-file")) {
            writeAtomically(Path.of(options.get("ready-file")), ready);
        }
        System.out.println("local-stack ready: kafka " + kafka.bootstrapServers() + ", postgres " + postgres.jdbcUrl());
        stopped.await();
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("clean")) {
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
