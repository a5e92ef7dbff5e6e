package io.paperstream.query.config;

import io.paperstream.kit.SecretFile;
import io.paperstream.query.domain.CursorCodec;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cursor codec with the secrets configured now: those of {@code paperstream.query.cursor-secret-file} (a mounted
 * Secret, re-read without a restart) first, then those of {@code paperstream.query.cursor-secret}. In prod the service
 * refuses to start without a secret, with the built-in one of the dev profile, or with one shorter than 16 characters.
 */
@ApplicationScoped
public class CursorKeys {
    static final int MIN_LENGTH = 16;

    private final List<String> configured;
    private final Optional<SecretFile> file;
    private volatile List<String> fileValues;
    private volatile CursorCodec codec;

    public CursorKeys(QueryConfig config) {
        this.configured = config.cursorSecret().orElse(List.of());
        this.file = config.cursorSecretFile().map(path -> new SecretFile(path, config.secretReloadInterval()));
        this.fileValues = file.map(SecretFile::values).orElse(List.of());
        List<String> all = all(fileValues);
        requireUsable(all, LaunchMode.current() == LaunchMode.NORMAL);
        this.codec = new CursorCodec(all);
    }

    void onStart(@Observes StartupEvent event) {
        Log.infof(
                "paging cursors signed with key %s (%d key(s) accepted)%s",
                codec.keyIds().get(0),
                codec.keyIds().size(),
                file.map(f -> ", file " + f.path() + " re-read every few seconds")
                        .orElse(""));
    }

    /** The codec of the secrets configured now. */
    public CursorCodec codec() {
        if (file.isPresent()) {
            List<String> values = file.get().values();
            if (values != fileValues) {
                fileValues = values;
                List<String> all = all(values);
                if (all.stream().anyMatch(s -> !s.isBlank())) {
                    codec = new CursorCodec(all);
                    Log.infof(
                            "cursor secrets changed: signing with key %s, %d key(s) accepted",
                            codec.keyIds().get(0), codec.keyIds().size());
                } else {
                    Log.warn("the cursor secret file is empty now; keeping the previous secrets");
                }
            }
        }
        return codec;
    }

    private List<String> all(List<String> fromFile) {
        List<String> all = new ArrayList<>(fromFile);
        all.addAll(configured);
        all.removeIf(String::isBlank);
        return all;
    }

    /** @throws IllegalStateException when no secret is configured or, in prod, one is the built-in or too short */
    static void requireUsable(List<String> secrets, boolean prod) {
        if (secrets.isEmpty()) {
            throw new IllegalStateException(
                    "No cursor secret configured: set PAPERSTREAM_QUERY_CURSOR_SECRET (the HMAC key "
                            + "of the paging cursors, shared by the replicas, e.g. `openssl rand -hex 32`) or "
                            + "PAPERSTREAM_QUERY_CURSOR_SECRET_FILE (a file holding it, e.g. a mounted Secret).");
        }
        if (prod && secrets.contains(QueryConfig.BUILT_IN_CURSOR_SECRET)) {
            throw new IllegalStateException(
                    "The cursor secret is the built-in one of the dev profile, which anyone can "
                            + "read in the sources: set PAPERSTREAM_QUERY_CURSOR_SECRET to a secret of your own. Refusing to start.");
        }
        if (prod && secrets.stream().anyMatch(s -> s.strip().length() < MIN_LENGTH)) {
            throw new IllegalStateException("A cursor secret is shorter than " + MIN_LENGTH
                    + " characters: use a random " + "one (e.g. `openssl rand -hex 32`). Refusing to start.");
        }
    }
}
