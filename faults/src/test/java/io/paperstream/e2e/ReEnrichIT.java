package io.paperstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-enrich everything, as documented (faults/README.md, "Re-enrich everything"): enrich-service run as a job with a
 * new consumer group, a new enrichment version and {@code PAPERSTREAM_REPLAY_EXIT_WHEN_CAUGHT_UP=true} replays its whole
 * input topic, logs its progress, exits with status 0 once caught up, and the query API then shows every paper with
 * the new enrichment. Run again with the same group, it finds nothing left and exits at once (resumable).
 */
class ReEnrichIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new Stack().start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aJobWithANewGroupReEnrichesEveryPaperAndExits() throws Exception {
        String digest = Files.readString(stack.root.resolve("deploy/local/sample/daily-papers-sample.txt"));
        assertThat(stack.post(stack.ingestPort, "/api/v1/papers", "text/plain", digest, Stack.TOKEN)
                        .statusCode())
                .isEqualTo(202);
        await(() -> papers().size() == 70, "70 papers stored");

        Map<String, String> job = Map.of(
                "PAPERSTREAM_ENRICH_GROUP",
                "paperstream-enrich-reenrich-it",
                "PAPERSTREAM_ENRICH_VERSION",
                "9.9.9-reenrich",
                "PAPERSTREAM_REPLAY_EXIT_WHEN_CAUGHT_UP",
                "true",
                "PAPERSTREAM_REPLAY_PROGRESS_INTERVAL",
                "2s");
        Process first = stack.startJob("re-enrich", "enrich-service", job);
        assertThat(first.waitFor(4, TimeUnit.MINUTES)).as("the job ends").isTrue();
        assertThat(first.exitValue()).isZero();
        String log = Files.readString(stack.workDir.resolve("re-enrich.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("re-enrichment progress:").contains("re-enrichment done");
        await(
                () -> papers().stream()
                        .allMatch(p -> p.at("/enrichment/version").asText().equals("9.9.9-reenrich")),
                "every paper re-enriched");
        assertThat(papers()).hasSize(70);

        Process again = stack.startJob("re-enrich-again", "enrich-service", job);
        assertThat(again.waitFor(4, TimeUnit.MINUTES)).as("the second run ends").isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(Files.readString(stack.workDir.resolve("re-enrich-again.log"), StandardCharsets.UTF_8))
                .contains("re-enrichment done");
    }

    private static List<JsonNode> papers() throws Exception {
        HttpResponse<String> response = stack.get(stack.queryPort, "/api/v1/papers?limit=200&fields=enrichment");
        List<JsonNode> items = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).get("items").forEach(items::add);
        }
        return items;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(500);
        }
    }
}
