package io.paperstream.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Quarkus test resource: a real PostgreSQL for the test JVM. By default embedded PostgreSQL 17 (zonky); with
 * {@code -Dpaperstream.containers=true} the official {@code postgres} image through Testcontainers; with
 * {@code -Dpaperstream.postgres.jdbc-url=...} an external server that already runs (user/password from
 * {@code paperstream.postgres.username/password}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static Postgres postgres;
    private static PostgreSQLContainer container;

    @Override
    public synchronized Map<String, String> start() {
        String external = System.getProperty("paperstream.postgres.jdbc-url");
        if (external != null && !external.isBlank()) {
            return properties(
                    external,
                    System.getProperty("paperstream.postgres.username", Postgres.USER),
                    System.getProperty("paperstream.postgres.password", Postgres.PASSWORD));
        }
        if (Boolean.getBoolean("paperstream.containers")) {
            container = new PostgreSQLContainer(System.getProperty("paperstream.postgres.image", "postgres:17"))
                    .withDatabaseName(Postgres.DATABASE)
                    .withUsername(Postgres.USER)
                    .withPassword(Postgres.PASSWORD);
            container.start();
            return properties(container.getJdbcUrl(), Postgres.USER, Postgres.PASSWORD);
        }
        // Scratch (fsync off): one test JVM's throw-away database, never crashed by these tests (their outage is a
        // clean stop); crash durability is tested by the faults module against a durable server.
        postgres = Postgres.startScratch();
        return properties(postgres.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
    }

    private static Map<String, String> properties(String jdbcUrl, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.reactive.url", jdbcUrl.substring("jdbc:".length()),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    /** The embedded server, for tests that stop and restart the database. */
    public static Postgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("embedded PostgreSQL is not running (containers or external path?)");
        }
        return postgres;
    }
}
