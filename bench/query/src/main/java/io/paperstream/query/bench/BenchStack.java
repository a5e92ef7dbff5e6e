package io.paperstream.query.bench;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperJson;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaBroker;
import io.paperstream.localstack.Ports;
import io.paperstream.localstack.Postgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmarks' world: a real Kafka broker and a real PostgreSQL (local-stack, loopback only), the packaged
 * query-service started as a separate process exactly as in production (%prod profile, configured by environment).
 */
final class BenchStack implements AutoCloseable {
    final KafkaBroker kafka;
    final Postgres postgres;
    private Process app;
    private int appPort;
    private long postmaster;

    BenchStack() {
        postgres = Postgres.start();
        kafka = KafkaBroker.start();
        kafka.createPaperstreamTopics(List.of(Topics.RAW, Topics.ENRICHED, Topics.RAW_DLQ, Topics.ENRICHED_DLQ), 3);
    }

    /** Produces papers 0..n-1 of the corpus to papers.enriched and waits for every acknowledgement. */
    void produce(BenchCorpus corpus, int n) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                EnrichedPaper p = corpus.paper(i);
                producer.send(new ProducerRecord<>(
                        Topics.ENRICHED, p.id(), PaperJson.mapper().writeValueAsBytes(p)));
            }
            producer.flush();
        }
    }

    /** Starts query-service from its packaged jar; returns when its HTTP port answers readiness. */
    void startApp(Path jar, String groupId, Map<String, String> extraEnv, Path log) throws Exception {
        appPort = Ports.free();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("POSTGRES_JDBC_URL", postgres.jdbcUrl());
        env.put("POSTGRES_REACTIVE_URL", postgres.jdbcUrl().substring("jdbc:".length()));
        env.put("POSTGRES_USER", Postgres.USER);
        env.put("POSTGRES_PASSWORD", Postgres.PASSWORD);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(appPort));
        // prod refuses the built-in cursor secret; the benchmark clients are one address: no rate limit
        env.put("PAPERSTREAM_QUERY_CURSOR_SECRET", "bench-cursor-secret-" + Long.toHexString(System.nanoTime()));
        env.put("PAPERSTREAM_QUERY_RATE_LIMIT_ENABLED", "false");
        int managementPort = Ports.free();
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("MP_MESSAGING_INCOMING_PAPERS_ENRICHED_GROUP_ID", groupId);
        env.putAll(extraEnv);
        app = pb.start();
        Process started = app;
        // the service must not outlive the benchmark, even when it is interrupted
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("query-service exited; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("query-service did not become ready; see " + log);
    }

    /** CPU seconds used so far by the query-service process (all threads). */
    double appCpuSeconds() {
        return app == null ? 0 : CpuTime.ofProcess(app.pid());
    }

    /** CPU seconds used so far by the PostgreSQL server: the postmaster, its live children and the children it reaped. */
    double postgresCpuSeconds() throws IOException, SQLException {
        if (postmaster == 0) {
            try (Connection c = jdbc()) {
                postmaster = CpuTime.parentOf(count(c, "SELECT pg_backend_pid()"));
            }
        }
        return CpuTime.ofTree(postmaster);
    }

    String baseUrl() {
        return "http://localhost:" + appPort;
    }

    void stopApp() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
            app = null;
        }
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        return count(c, "SELECT count(*) FROM pg_tables WHERE tablename = '" + table + "'") > 0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Path workDir() throws IOException {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        return dir;
    }

    @Override
    public void close() throws Exception {
        stopApp();
        kafka.close();
        postgres.close();
    }
}
