package io.paperstream.kit;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Values read from a file, typically a mounted Kubernetes Secret: one per line or comma-separated, blank entries and
 * {@code #} comment lines ignored. The file is re-read when asked after {@code interval} has passed since the last
 * read, so a rotated Secret takes effect without a restart (the kubelet updates mounted Secrets in place). A file that
 * cannot be read at start is an error; one that cannot be read later keeps the last values (a Secret update swaps a
 * symlink, and a read may fall in between).
 */
public final class SecretFile {
    private final Path path;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private volatile List<String> values;
    private volatile long readAt;

    public SecretFile(Path path, Duration interval) {
        this(path, interval, System::nanoTime);
    }

    SecretFile(Path path, Duration interval, LongSupplier nanoClock) {
        this.path = path;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        try {
            this.values = parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secret file " + path + ": " + e, e);
        }
        this.readAt = nanoClock.getAsLong();
    }

    /** The current values; re-reads the file when the interval has passed. Never logs the values. */
    public List<String> values() {
        long now = nanoClock.getAsLong();
        if (now - readAt >= intervalNanos) {
            synchronized (this) {
                if (now - readAt >= intervalNanos) {
                    readAt = now;
                    try {
                        List<String> fresh = parse(Files.readString(path, StandardCharsets.UTF_8));
                        if (!fresh.equals(values)) {
                            Log.infof("secret file %s changed: %d value(s) now", path, fresh.size());
                            values = fresh;
                        }
                    } catch (IOException e) {
                        Log.warnf("cannot re-read the secret file %s (%s); keeping its previous values", path, e);
                    }
                }
            }
        }
        return values;
    }

    public Path path() {
        return path;
    }

    static List<String> parse(String content) {
        List<String> values = new ArrayList<>();
        for (String line : content.split("\\R")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        return List.copyOf(values);
    }
}
