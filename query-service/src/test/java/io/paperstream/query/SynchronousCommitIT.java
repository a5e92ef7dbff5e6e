package io.paperstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperstream.localstack.KafkaResource;
import io.paperstream.localstack.Postgres;
import io.paperstream.localstack.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sink's transactions commit synchronously even on a server configured with {@code synchronous_commit = off} (the
 * tests' scratch database is): it commits Kafka offsets after its commit, so that commit must survive a crash of the
 * server. A trigger records the setting in force inside the sink's own transactions.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SynchronousCommitIT {

    @Test
    void theSinkCommitsSynchronouslyWhateverTheServerSays() throws Exception {
        Postgres pg = PostgresResource.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                Statement s = c.createStatement()) {
            assertThat(setting(s)).as("the scratch server's own setting").isEqualTo("off");
            s.execute("CREATE TABLE sync_probe (paper_id text, setting text)");
            s.execute("""
                    CREATE FUNCTION sync_probe_record() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO sync_probe VALUES (NEW.id, current_setting('synchronous_commit'));
                      RETURN NEW;
                    END $$""");
            s.execute(
                    "CREATE TRIGGER sync_probe AFTER INSERT OR UPDATE ON paper FOR EACH ROW EXECUTE FUNCTION sync_probe_record()");
            try (Feed feed = new Feed()) {
                feed.send(
                        Papers.paper(
                                "arxiv:2512.00001",
                                1,
                                "Durable one",
                                "a",
                                LocalDate.of(2025, 12, 1),
                                List.of(),
                                List.of()),
                        Papers.paper(
                                "arxiv:2512.00002",
                                1,
                                "Durable two",
                                "a",
                                LocalDate.of(2025, 12, 1),
                                List.of(),
                                List.of()));
                await().atMost(Duration.ofSeconds(30)).until(() -> probes(s).size() >= 2);
            }
            assertThat(probes(s))
                    .isNotEmpty()
                    .allSatisfy(setting -> assertThat(setting).isEqualTo("on"));
            assertThat(setting(s))
                    .as("the sink sets it for its own transactions only")
                    .isEqualTo("off");
        } finally {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS sync_probe ON paper");
                s.execute("DROP FUNCTION IF EXISTS sync_probe_record()");
                s.execute("DROP TABLE IF EXISTS sync_probe");
            }
        }
    }

    private static String setting(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> probes(Statement s) throws Exception {
        List<String> settings = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT setting FROM sync_probe")) {
            while (rs.next()) {
                settings.add(rs.getString(1));
            }
        }
        return settings;
    }
}
