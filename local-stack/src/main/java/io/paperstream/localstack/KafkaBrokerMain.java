package io.paperstream.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's Kafka broker as a process of its own, so that it can be stopped, killed ({@code kill -9}) and
 * restarted alone, as a broker is in production:
 *
 * <pre>java -cp local-stack.jar:lib/* io.paperstream.localstack.KafkaBrokerMain --port 19092 --controller-port 19093 --data-dir d</pre>
 *
 * {@link LocalStackMain} starts it and starts it again whenever it exits. SIGTERM shuts the broker down cleanly; the
 * data directory is kept. It exits by itself when the process that started it is gone, so that a killed local stack
 * leaves no broker behind.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        try {
            Map<String, String> options = LocalStackMain.parse(args);
            int port = Integer.parseInt(required(options, "port"));
            int controllerPort = Integer.parseInt(required(options, "controller-port"));
            Path dataDir = Path.of(required(options, "data-dir")).toAbsolutePath();
            KafkaBroker broker = KafkaBroker.start(port, controllerPort, dataDir, false);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    broker.pause();
                                } finally {
                                    stopped.countDown();
                                }
                            },
                            "kafka-broker-shutdown"));
            System.out.println("kafka broker ready: " + broker.bootstrapServers() + " (pid "
                    + ProcessHandle.current().pid() + ")");
            ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                if (parent != null && !parent.isAlive()) {
                    System.out.println("the local stack that started this broker is gone; stopping");
                    System.exit(0);
                }
            }
        } catch (Exception | Error e) {
            // Kafka's non-daemon threads would keep a half-started JVM alive: fail loudly and exit
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
