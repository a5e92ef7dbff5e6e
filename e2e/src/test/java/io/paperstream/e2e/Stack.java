package io.paperstream.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as separate processes, as a user runs it: the local stack (Kafka + PostgreSQL) and the three
 * packaged services on free ports. Closing it stops every process it started.
 */
final class Stack implements AutoCloseable {
    static final String TOKEN = "e2e-token-" + Long.toHexString(System.nanoTime());

    final Path root;
    final Path workDir;
    final int ingestPort = freePort();
    final int enrichPort = freePort();
    final int queryPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> byName = new HashMap<>();
    private final Map<String, Map<String, String>> envByName = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Map<String, String> stackEnv;

    Stack() throws IOException {
        root = Path.of(System.getProperty("paperstream.root", "..")).toAbsolutePath().normalize();
        workDir = Files.createTempDirectory("paperstream-e2e-");
    }

    Stack start() throws Exception {
        return start(Set.of("ingest-service", "enrich-service", "query-service"));
    }

    /** Starts the local stack and the named services (any of ingest-service, enrich-service, query-service). */
    Stack start(Set<String> services) throws Exception {
        try {
            startLocalStack();
            return startServices(services);
        } catch (Exception | Error e) {
            close(); // whatever did start must not outlive a failed start
            throw e;
        }
    }

    /** The local stack alone (Kafka + PostgreSQL as one process). */
    Stack startLocalStack() throws Exception {
        Path ready = workDir.resolve("stack.env");
        start("local-stack", List.of(java(), "-Xmx768m", "-jar", jar("local-stack", "local-stack-1.0.0-SNAPSHOT.jar").toString(),
                "--data-dir", workDir.resolve("data").toString(), "--ready-file", ready.toString(), "--clean"), Map.of());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(ready)) {
            if (System.currentTimeMillis() > deadline || !processes.get(0).isAlive()) {
                throw new IllegalStateException("local stack did not start; see " + workDir.resolve("local-stack.log"));
            }
            Thread.sleep(200);
        }
        stackEnv = new HashMap<>();
        for (String line : Files.readAllLines(ready)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                stackEnv.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return this;
    }

    /** Starts the named services against the running local stack and waits until each is ready. */
    Stack startServices(Set<String> services) throws Exception {
        String jdbc = stackEnv.get("POSTGRES_JDBC_URL");
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", stackEnv.get("KAFKA_BOOTSTRAP_SERVERS"));
        if (services.contains("ingest-service")) {
            service("ingest-service", ingestPort, merge(common, Map.of("PAPERSTREAM_INGEST_AUTH_TOKENS", TOKEN)));
        }
        if (services.contains("enrich-service")) {
            service("enrich-service", enrichPort, common);
        }
        if (services.contains("query-service")) {
            service("query-service", queryPort, merge(common, Map.of(
                    "POSTGRES_JDBC_URL", jdbc,
                    "POSTGRES_REACTIVE_URL", jdbc.substring("jdbc:".length()),
                    "POSTGRES_USER", stackEnv.get("POSTGRES_USER"),
                    "POSTGRES_PASSWORD", stackEnv.get("POSTGRES_PASSWORD"))));
        }
        Map<String, Integer> ports = Map.of("ingest-service", ingestPort, "enrich-service", enrichPort, "query-service", queryPort);
        for (String service : services) {
            awaitReady(ports.get(service));
        }
        return this;
    }

    String kafkaBootstrap() {
        return stackEnv.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    private void service(String name, int port, Map<String, String> env) throws IOException {
        Map<String, String> all = merge(env, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)));
        envByName.put(name, all);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m"));
        // e.g. -Dservice.jvm.opts=-XX:StartFlightRecording=filename=/tmp/ingest.jfr for profiling a benchmark
        String extra = System.getProperty("service.jvm.opts", "").replace("{name}", name);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar").toString()));
        start(name, command, all);
    }

    private void start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        byName.put(name, process);
    }

    /** Stops a service (SIGTERM) and starts it again with extra environment, e.g. a new taxonomy; waits until ready. */
    void restart(String name, Map<String, String> extraEnv) throws Exception {
        Process old = byName.get(name);
        old.destroy();
        if (!old.waitFor(30, TimeUnit.SECONDS)) {
            old.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        processes.remove(old);
        Map<String, String> env = merge(envByName.get(name), extraEnv);
        service(name, Integer.parseInt(env.get("QUARKUS_HTTP_PORT")), env);
        awaitReady(Integer.parseInt(env.get("QUARKUS_HTTP_PORT")));
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service on port " + port + " not ready; logs in " + workDir);
    }

    HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(int port, String pathAndQuery, String contentType, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        // services first, then the stack they depend on; SIGTERM so each shuts down gracefully
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path jar(String module, String file) {
        return root.resolve(module).resolve("target").resolve(file);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
