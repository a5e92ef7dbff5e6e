package io.paperstream.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole system as separate processes, as a user runs it: the local stack (Kafka + PostgreSQL) and the three
 * packaged services. Each service binds a port of the operating system's choosing ({@code QUARKUS_HTTP_PORT=0}) and the
 * stack reads the port from the service's own "Listening on" line: a port picked here and handed over later could be
 * taken in between by another process on the machine, and the test would then talk to a
 * stranger. Closing it stops every process it started.
 */
final class Stack implements AutoCloseable {
    static final String TOKEN = "e2e-token-" + Long.toHexString(System.nanoTime());

    final Path root;
    final Path workDir;
    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^:\\s]+:(\\d+)");
    /** Health and metrics: the management interface, a port of its own (also of the OS's choosing). */
    private static final Pattern MANAGEMENT =
            Pattern.compile("Management interface listening on https?://[^:\\s]+:(\\d+)");

    volatile int ingestPort;
    volatile int enrichPort;
    volatile int queryPort;
    private final Map<String, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Process> byName = new HashMap<>();
    private final Map<String, Map<String, String>> envByName = new HashMap<>();
    private final Map<String, String> moduleByName = new HashMap<>();
    private final Map<String, Integer> portByName = new java.util.concurrent.ConcurrentHashMap<>();
    private int partitions = 3;
    /** The broker's log segment size, or 0 for the local stack's default. */
    private long kafkaSegmentBytes;

    private final String cursorSecret = "e2e-cursor-secret-" + Long.toHexString(System.nanoTime());
    private final Map<String, Long> logStart = new HashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Map<String, String> stackEnv;

    Stack() throws IOException {
        root = Path.of(System.getProperty("paperstream.root", ".."))
                .toAbsolutePath()
                .normalize();
        workDir = Files.createTempDirectory("paperstream-e2e-");
        // a test JVM that exits without closing (killed build, System.exit) must not leave the services running
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stack-close"));
    }

    /** The broker's log.segment.bytes (local-stack's --kafka-segment-bytes); call before {@link #start()}. */
    Stack withKafkaSegmentBytes(long bytes) {
        this.kafkaSegmentBytes = bytes;
        return this;
    }

    /** Partitions of the paperstream topics (default 3); call before {@link #start()}. */
    Stack withPartitions(int partitions) {
        this.partitions = partitions;
        return this;
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
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx768m",
                "-jar",
                jar("local-stack", "local-stack-1.0.0-SNAPSHOT.jar").toString(),
                "--data-dir",
                workDir.resolve("data").toString(),
                "--ready-file",
                ready.toString(),
                "--clean",
                "--temporary",
                "--partitions",
                Integer.toString(partitions)));
        if (kafkaSegmentBytes > 0) {
            command.addAll(List.of("--kafka-segment-bytes", Long.toString(kafkaSegmentBytes)));
        }
        start("local-stack", command, Map.of());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(ready)) {
            if (System.currentTimeMillis() > deadline || !processes.get(0).isAlive()) {
                throw new IllegalStateException("local stack did not start; see " + workDir.resolve("local-stack.log"));
            }
            Thread.sleep(200);
        }
        stackEnv = readStackEnv();
        return this;
    }

    /** The local stack's ready file: addresses, and the current process ids of the broker and the postmaster. */
    Map<String, String> readStackEnv() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(workDir.resolve("stack.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    /** The broker's process id now (the local stack starts a new broker process when one dies). */
    long kafkaPid() throws IOException {
        return Long.parseLong(readStackEnv().get("KAFKA_PID"));
    }

    /** PostgreSQL's postmaster process id now (the local stack restarts PostgreSQL when it dies). */
    long postgresPid() throws IOException {
        return Long.parseLong(readStackEnv().get("POSTGRES_PID"));
    }

    /** Sends a signal (KILL, STOP, CONT, TERM) to a process, e.g. the broker or the postmaster. */
    static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .redirectErrorStream(true)
                .start();
        String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + out);
        }
    }

    /**
     * Signals a process and all its descendants, e.g. STOP to freeze PostgreSQL whole (the postmaster and every
     * backend: stopping the postmaster alone leaves open connections working). STOP goes to the parent first, so that
     * it forks no new child meanwhile; CONT to the children first.
     */
    static void signalTree(long pid, String signal) throws IOException, InterruptedException {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        if (signal.equals("CONT")) {
            pids.add(pid);
        } else {
            pids.add(0, pid);
        }
        for (long p : pids) {
            try {
                signal(p, signal);
            } catch (IllegalStateException e) {
                // a child that exited meanwhile
            }
        }
    }

    /**
     * Starts one more instance of a service module (e.g. {@code enrich-2} of {@code enrich-service}), with the same
     * environment the stack gives that module, and waits until it is ready.
     */
    void startInstance(String instance, String module) throws Exception {
        service(instance, module, envFor(module));
        awaitReady(instance);
    }

    /**
     * Starts a module as a one-off process that ends by itself (e.g. enrich-service as a re-enrichment job), with the
     * module's environment plus {@code extraEnv}; does not wait. Its log is {@code <instance>.log} in the work dir.
     */
    Process startJob(String instance, String module, Map<String, String> extraEnv) throws IOException {
        service(instance, module, merge(envFor(module), extraEnv));
        return byName.get(instance);
    }

    /** {@code kill -9} of a service instance this stack started; waits until it is gone. */
    void kill(String instance) throws InterruptedException {
        Process p = byName.get(instance);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        processes.remove(p);
    }

    /** Starts a new process for an instance (after {@link #kill}), as a replacement pod would be; waits until ready. */
    void replace(String instance) throws Exception {
        Process old = byName.get(instance);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(instance + " still runs");
        }
        service(instance, moduleByName.get(instance), envByName.get(instance));
        awaitReady(instance);
    }

    /** The HTTP port of a service instance (the module name for the first instance). */
    int port(String instance) {
        Integer port = portByName.get(instance);
        if (port == null) {
            throw new IllegalStateException(instance + " has no port (not started?)");
        }
        return port;
    }

    long pid(String instance) {
        return byName.get(instance).pid();
    }

    /** Starts the named services against the running local stack and waits until each is ready. */
    Stack startServices(Set<String> services) throws Exception {
        for (String module : List.of("ingest-service", "enrich-service", "query-service")) {
            if (services.contains(module)) {
                service(module, module, envFor(module));
            }
        }
        for (String service : services) {
            awaitReady(service);
        }
        return this;
    }

    private Map<String, String> envFor(String module) {
        String jdbc = stackEnv.get("POSTGRES_JDBC_URL");
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", stackEnv.get("KAFKA_BOOTSTRAP_SERVERS"));
        return switch (module) {
            case "ingest-service" -> merge(common, Map.of("PAPERSTREAM_INGEST_AUTH_TOKENS", TOKEN));
            case "enrich-service" -> common;
            case "query-service" ->
                merge(
                        common,
                        Map.of(
                                "POSTGRES_JDBC_URL",
                                jdbc,
                                "POSTGRES_REACTIVE_URL",
                                jdbc.substring("jdbc:".length()),
                                "POSTGRES_USER",
                                stackEnv.get("POSTGRES_USER"),
                                "POSTGRES_PASSWORD",
                                stackEnv.get("POSTGRES_PASSWORD"),
                                // prod refuses to start without a cursor secret of its own (shared by a module's
                                // instances)
                                "PAPERSTREAM_QUERY_CURSOR_SECRET",
                                cursorSecret,
                                // one log line per stored paper, with its trace id (SampleDigestE2EIT follows a trace
                                // to it)
                                "QUARKUS_LOG_CATEGORY__IO_PAPERSTREAM_QUERY_STORED__LEVEL",
                                "DEBUG",
                                // as in the local run: no per-client rate limit (the tests read the API in bursts)
                                "PAPERSTREAM_QUERY_RATE_LIMIT_ENABLED",
                                "false"));
            default -> throw new IllegalArgumentException("unknown service " + module);
        };
    }

    /**
     * CPU time used so far by a process this stack started (local-stack, ingest-service, …) and its live children, for
     * benchmark reports.
     */
    Duration cpu(String name) {
        // with its child processes: the local stack's broker is one
        ProcessHandle handle = byName.get(name).toHandle();
        Duration total = handle.info().totalCpuDuration().orElse(Duration.ZERO);
        for (ProcessHandle child : handle.descendants().toList()) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return total;
    }

    String kafkaBootstrap() {
        return stackEnv.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    private void service(String name, String module, Map<String, String> env) throws IOException {
        Map<String, String> all = merge(env, Map.of("QUARKUS_HTTP_PORT", "0", "QUARKUS_MANAGEMENT_PORT", "0"));
        envByName.put(name, all);
        moduleByName.put(name, module);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m"));
        // e.g. -Dservice.jvm.opts=-XX:StartFlightRecording=filename=/tmp/ingest.jfr for profiling a benchmark
        String extra = System.getProperty("service.jvm.opts", "").replace("{name}", name);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of(
                "-jar",
                root.resolve(module)
                        .resolve("target/quarkus-app/quarkus-run.jar")
                        .toString()));
        start(name, command, all);
    }

    private void start(String name, List<String> command, Map<String, String> env) throws IOException {
        Path log = workDir.resolve(name + ".log");
        logStart.put(name, Files.exists(log) ? Files.size(log) : 0L); // a restart appends; its port is after this
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
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
        service(name, moduleByName.get(name), merge(envByName.get(name), extraEnv));
        awaitReady(name);
    }

    /** Waits for the service's "Listening on" line, records its port, then waits until it reports ready. */
    private void awaitReady(String name) throws Exception {
        Process process = byName.get(name);
        Path log = workDir.resolve(name + ".log");
        // generous: on a build machine shared by several builds a service can take a minute or two to start
        long deadline = System.currentTimeMillis() + 300_000;
        int port = -1;
        while (port < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(name + " did not start listening; see " + log);
            }
            port = listeningPort(LISTENING, log, logStart.get(name));
            if (port < 0) {
                Thread.sleep(100);
            }
        }
        portByName.put(name, port);
        switch (name) {
            case "ingest-service" -> ingestPort = port;
            case "enrich-service" -> enrichPort = port;
            case "query-service" -> queryPort = port;
            default -> {
                // another instance of a module: its port is in portByName
            }
        }
        int management = listeningPort(MANAGEMENT, log, logStart.get(name));
        if (management < 0) {
            throw new IllegalStateException(name + ": no management interface port in " + log);
        }
        managementPorts.put(name, management);
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                if (get(management, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " on port " + port + " not ready; see " + log);
    }

    /** The management port (health, metrics) of a started service. */
    int managementPort(String name) {
        return managementPorts.get(name);
    }

    private static int listeningPort(Pattern pattern, Path log, long from) throws IOException {
        if (!Files.exists(log) || Files.size(log) <= from) {
            return -1;
        }
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(int port, String pathAndQuery, String contentType, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public synchronized void close() {
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
}
