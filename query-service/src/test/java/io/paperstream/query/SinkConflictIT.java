package io.paperstream.query;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.Topics;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.Postgres;
import io.paperstream.localstack.PostgresResource;
import io.paperstream.testsupport.TestKafka;
import io.paperstream.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A batch whose transaction is aborted by a deadlock is run again as a whole, and nothing of it is dead-lettered: a
 * deadlock is a conflict between transactions, not a fault of the data. (Seen in the e2e: the sink's concurrent
 * batches deadlocked on the facet counters during a re-enrichment, and one paper was dead-lettered.) The deadlock here
 * is made for certain, with a second session on the real database: it locks the paper the sink's batch updates, waits
 * until the sink's transaction — which has already deleted the batch's tombstoned paper — waits for that lock, then
 * asks for the tombstoned paper's row. PostgreSQL aborts the sink's transaction: its session began waiting first, so
 * its deadlock check (one per wait, after {@code deadlock_timeout}) comes first and finds the cycle.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SinkConflictIT {
    private static final Pattern CONFLICTS =
            Pattern.compile("paperstream_query_batches_retried_total\\{[^}]*reason=\"conflict\"[^}]*} ([0-9.]+)");

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void aBatchAbortedByADeadlockIsRunAgainAndNothingIsDeadLettered() throws Exception {
        String updated = "arxiv:2512.20001";
        String deleted = "arxiv:2512.20002";
        TestKafka.send(
                new ProducerRecord<>(Topics.ENRICHED, 0, updated, json(updated, 1, "Before the deadlock")),
                new ProducerRecord<>(Topics.ENRICHED, 0, deleted, json(deleted, 1, "Deleted in the deadlocked batch")));
        SinkIT.awaitTitle(updated, "Before the deadlock");
        SinkIT.awaitTitle(deleted, "Deleted in the deadlocked batch");
        double conflictsBefore = conflicts();

        Postgres pg = PostgresResource.postgres();
        try (TopicReader dlq = TopicReader.open(Topics.ENRICHED_DLQ);
                Connection blocker = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                Statement s = blocker.createStatement();
                Connection observer = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD)) {
            blocker.setAutoCommit(false);
            s.executeQuery("SELECT id FROM paper WHERE id = '" + updated + "' FOR UPDATE")
                    .close();
            // one batch (same partition, sent together): the tombstone's delete runs first, then the upsert
            TestKafka.send(
                    new ProducerRecord<>(Topics.ENRICHED, 0, deleted, null),
                    new ProducerRecord<>(Topics.ENRICHED, 0, updated, json(updated, 2, "After the deadlock")));
            // PostgreSQL checks for a deadlock once per wait, deadlock_timeout (1 s) after it began, in the waiting
            // session: this session's wait must begin within that second, so that the sink's check finds the cycle
            await("the sink's transaction waits for the locked paper")
                    .atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> waitingForALock(observer) > 0);
            try {
                // blocks on the row the sink's transaction deleted, until PostgreSQL aborts the sink's transaction
                s.executeQuery("SELECT id FROM paper WHERE id = '" + deleted + "' FOR UPDATE")
                        .close();
            } finally {
                blocker.commit();
            }

            SinkIT.awaitTitle(updated, "After the deadlock");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            when().get("/api/v1/papers/{id}", deleted).then().statusCode(404));
            when().get("/api/v1/papers/{id}", updated).then().body("revision", equalTo(2));
            assertThat(conflicts() - conflictsBefore)
                    .as("the batch was aborted by the deadlock and run again")
                    .isGreaterThanOrEqualTo(1.0);
            // anything dead-lettered would be on the topic well within this
            Thread.sleep(2000);
            assertThat(dlq.records())
                    .as("nothing dead-lettered")
                    .noneMatch(r -> updated.equals(r.key()) || deleted.equals(r.key()));
        }
    }

    /**
     * Two transactions that each change the facet counters twice, in crossed order, wait for each other instead of
     * deadlocking (V8): transaction 1 counts tag x, transaction 2 tag y, then 1 tag y and 2 tag x. The sink's upsert
     * does the same in one statement (its update part, then its insert part). Before V8, PostgreSQL aborted one of the
     * two with a deadlock; now the second waits at its first counter change until the first commits.
     */
    @Test
    void concurrentWritersOfTheCountersWaitInsteadOfDeadlocking() throws Exception {
        List<String> ids = List.of("arxiv:2512.20011", "arxiv:2512.20012", "arxiv:2512.20013", "arxiv:2512.20014");
        for (String id : ids) {
            TestKafka.send(new ProducerRecord<>(Topics.ENRICHED, 0, id, json(id, 1, "Counted " + id)));
        }
        for (String id : ids) {
            SinkIT.awaitTitle(id, "Counted " + id);
        }
        Postgres pg = PostgresResource.postgres();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection one = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                Connection two = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                Connection observer = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD)) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            int waitingBefore = waitingForALock(observer);
            addTag(one, ids.get(0), "lock-x");
            CountDownLatch firstDone = new CountDownLatch(1);
            CountDownLatch oneGoesOn = new CountDownLatch(1);
            Future<?> twoDone = second.submit(() -> {
                addTag(two, ids.get(1), "lock-y"); // with V8: waits here until transaction 1 commits
                firstDone.countDown();
                oneGoesOn.await();
                addTag(two, ids.get(3), "lock-x");
                two.commit();
                return null;
            });
            // transaction 2 has counted tag y, or waits to
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> firstDone.getCount() == 0 || waitingForALock(observer) > waitingBefore);
            oneGoesOn.countDown();
            addTag(one, ids.get(2), "lock-y");
            one.commit();
            twoDone.get(30, TimeUnit.SECONDS); // a deadlock would end one of the two with SQL state 40P01
            try (Statement s = observer.createStatement();
                    ResultSet r = s.executeQuery("SELECT value, papers FROM facet_count WHERE facet = 'tag'"
                            + " AND value IN ('lock-x', 'lock-y') ORDER BY value")) {
                List<String> counts = new ArrayList<>();
                while (r.next()) {
                    counts.add(r.getString(1) + "=" + r.getLong(2));
                }
                assertThat(counts).containsExactly("lock-x=2", "lock-y=2");
            }
        } finally {
            second.shutdownNow();
        }
    }

    private static void addTag(Connection c, String id, String tag) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE paper SET tag_names = tag_names || '" + tag + "'::text WHERE id = '" + id + "'");
        }
    }

    private static String json(String id, long revision, String title) {
        EnrichedPaper paper =
                Papers.paper(id, revision, title, "About conflicts.", LocalDate.of(2025, 12, 1), List.of(), List.of());
        return Papers.json(paper);
    }

    private static int waitingForALock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            r.next();
            return r.getInt(1);
        }
    }

    private double conflicts() {
        String text = when().get(metrics).then().statusCode(200).extract().asString();
        Matcher m = CONFLICTS.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
