package io.paperstream.query;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * While PostgreSQL is frozen (SIGSTOP of the postmaster and every backend: connections open but nothing answers), reads
 * answer 503 + Retry-After within the read timeout instead of hanging until the client gives up; after SIGCONT they
 * answer again.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class FrozenDatabaseIT {

    @Test
    void readsAnswer503QuicklyWhileTheDatabaseIsFrozen() throws Exception {
        when().get("/api/v1/papers?limit=1").then().statusCode(200); // the pool has open connections
        long postmaster = PostgresResource.postgres().postmasterPid();
        signalTree(postmaster, "STOP");
        try {
            for (String path : List.of(
                    "/api/v1/papers/arxiv:2601.00001", "/api/v1/papers?q=frozen", "/api/v1/facets", "/api/v1/tags")) {
                long start = System.nanoTime();
                Response r = given().when().get(path);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                ProblemShape.check(
                        r.statusCode(),
                        r.contentType(),
                        r.asString(),
                        "database-unavailable",
                        path.replaceAll("\\?.*", ""));
                assertThat(r.header("Retry-After")).as(path).isNotBlank();
                assertThat(millis)
                        .as(path + " answered within the read timeout (5 s) and some slack")
                        .isLessThan(8000);
            }
        } finally {
            signalTree(postmaster, "CONT");
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> when().get("/api/v1/papers?limit=1").then().statusCode(200));
    }

    private static void signalTree(long pid, String signal) throws IOException, InterruptedException {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        if (signal.equals("CONT")) {
            pids.add(pid);
        } else {
            pids.add(0, pid);
        }
        for (long p : pids) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(p)).start().waitFor();
        }
    }
}
