package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/local/SnapshotLoader.java (what load.sh and the Kubernetes Job run), as a process against a stand-in of the
 * ingest API: a load cut by a failing service resumes after the last acknowledged chunk and sends nothing twice;
 * rejected records make it exit 2 with their reasons; a refused token exits 3.
 */
class LoaderTest {
    private HttpServer server;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<String, Answer> answer;

    record Answer(int status, String body) {}

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/papers", exchange -> {
            try (exchange) {
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Answer a = "Bearer good".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                        ? answer.apply(body)
                        : new Answer(401, "{\"status\":401}");
                if (a.status() == 202) {
                    received.addAll(body.lines().toList());
                }
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(a.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The 202 answer of ingest for a chunk: every line accepted, except lines containing "BAD" (rejected). */
    static Answer accepted(String chunk) {
        List<String> lines = chunk.lines().toList();
        StringBuilder records = new StringBuilder();
        int rejected = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean bad = lines.get(i).contains("BAD");
            rejected += bad ? 1 : 0;
            records.append(i == 0 ? "" : ",")
                    .append(
                            bad
                                    ? "{\"index\":" + i + ",\"location\":\"line " + (i + 1)
                                            + "\",\"status\":\"rejected\","
                                            + "\"reason\":\"title is required\",\"errors\":[{\"field\":\"title\",\"code\":\"missing\","
                                            + "\"message\":\"title is required\"}]}"
                                    : "{\"index\":" + i + ",\"location\":\"line " + (i + 1)
                                            + "\",\"id\":\"arxiv:x\",\"status\":\"accepted\"}");
        }
        return new Answer(
                202,
                "{\"format\":\"arxiv-snapshot\",\"received\":" + lines.size() + ",\"accepted\":"
                        + (lines.size() - rejected) + ",\"duplicates\":0,\"rejected\":" + rejected + ",\"published\":"
                        + (lines.size() - rejected) + ",\"ids\":[],\"records\":[" + records + "]}");
    }

    private Path file(int lines, int badLine) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            out.append("{\"id\":\"2601.")
                    .append(String.format("%05d", i))
                    .append("\",\"title\":\"")
                    .append(i == badLine ? "BAD" : "Paper " + i)
                    .append("\",\"pad\":\"")
                    .append("x".repeat(200))
                    .append("\"}\n");
        }
        Path file = dir.resolve("snapshot.json");
        Files.writeString(file, out);
        return file;
    }

    private Result run(Path file, String token) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        Project.deploy().resolve("local/SnapshotLoader.java").toString(),
                        "--url",
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        "--state-dir",
                        dir.resolve("state").toString(),
                        "--chunk-bytes",
                        "4096",
                        "--parallel",
                        "1",
                        "--max-attempts",
                        "2",
                        "--every",
                        "1",
                        file.toString())
                .redirectErrorStream(true);
        builder.environment().put("PAPERSTREAM_INGEST_TOKEN", token);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int code, String output) {}

    @Test
    void aLoadCutByAFailingServiceResumesAfterTheLastAcknowledgedChunk() throws Exception {
        Path file = file(200, -1); // ~50 KB: about 13 chunks of 4 KiB
        AtomicInteger chunks = new AtomicInteger();
        answer = body -> chunks.incrementAndGet() <= 5 ? accepted(body) : new Answer(503, "{\"status\":503}");
        Result cut = run(file, "good");
        assertThat(cut.code()).as(cut.output()).isEqualTo(1);
        assertThat(cut.output()).contains("FAILED").contains("HTTP 503").contains("run the same command again");
        int firstRun = received.size();
        assertThat(firstRun).isBetween(1, 199);

        answer = LoaderTest::accepted;
        Result resumed = run(file, "good");
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output())
                .contains("resuming at byte")
                .contains("done: 200 records, 200 accepted, 0 rejected")
                .contains("papers/s")
                .contains("ETA")
                .contains("%");
        assertThat(received).hasSize(200).doesNotHaveDuplicates();
        assertThat(received.get(0)).contains("2601.00001");
        assertThat(received.get(199)).contains("2601.00200");

        Result again = run(file, "good");
        assertThat(again.code()).isZero();
        assertThat(received).as("a finished file is not sent again").hasSize(200);
    }

    @Test
    void aLoadStoppedBySigtermSavesItsProgressAndTheNextRunSendsTheRest() throws Exception {
        Path file = file(200, -1);
        AtomicInteger chunks = new AtomicInteger();
        answer = body -> {
            chunks.incrementAndGet();
            try {
                Thread.sleep(300); // a slow service: the signal arrives while chunks are in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return accepted(body);
        };
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        Project.deploy().resolve("local/SnapshotLoader.java").toString(),
                        "--url",
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        "--state-dir",
                        dir.resolve("state").toString(),
                        "--chunk-bytes",
                        "4096",
                        "--parallel",
                        "1",
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("PAPERSTREAM_INGEST_TOKEN", "good");
        Process process = builder.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (chunks.get() < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("out.txt"));
        assertThat(output).contains("interrupted; run the same command again to resume");
        int before = received.size();
        assertThat(before).isBetween(1, 199);

        answer = LoaderTest::accepted;
        Result resumed = run(file, "good");
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming at byte");
        assertThat(received).containsAll(file.toFile().exists() ? Files.readAllLines(file) : List.of());
        // at most the chunk in flight at the signal is sent again (at-least-once; ingest's effects are idempotent)
        assertThat(received.size()).isLessThanOrEqualTo(200 + 20);
    }

    @Test
    void rejectedRecordsMakeItExitTwoWithTheirReasonsAndLines() throws Exception {
        Path file = file(50, 37);
        answer = LoaderTest::accepted;
        Result result = run(file, "good");
        assertThat(result.code()).as(result.output()).isEqualTo(2);
        assertThat(result.output())
                .contains("1 records rejected")
                .contains("title missing")
                .contains("snapshot.json line 37: title is required");
    }

    @Test
    void aRefusedTokenExitsThree() throws Exception {
        answer = LoaderTest::accepted;
        Result result = run(file(10, -1), "wrong");
        assertThat(result.code()).isEqualTo(3);
        assertThat(result.output()).contains("refused the token");
    }
}
