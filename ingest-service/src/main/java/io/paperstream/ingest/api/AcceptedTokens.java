package io.paperstream.ingest.api;

import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.BearerTokens;
import io.paperstream.kit.SecretFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens accepted now: those of {@code paperstream.ingest.auth.tokens} plus those of
 * {@code paperstream.ingest.auth.tokens-file} (a mounted Secret), whose changes take effect without a restart.
 */
@ApplicationScoped
public class AcceptedTokens {
    private final List<String> configured;
    private final Optional<SecretFile> file;
    private volatile List<String> fileValues;
    private volatile BearerTokens current;

    public AcceptedTokens(IngestConfig config) {
        this.configured = config.auth().tokens().orElse(List.of());
        this.file = config.auth()
                .tokensFile()
                .map(path -> new SecretFile(path, config.auth().reloadInterval()));
        this.fileValues = file.map(SecretFile::values).orElse(List.of());
        this.current = new BearerTokens(all(fileValues));
    }

    /** The tokens accepted now (the file re-read at most once per reload interval). */
    public BearerTokens tokens() {
        if (file.isPresent()) {
            List<String> values = file.get().values();
            if (values != fileValues) {
                fileValues = values;
                current = new BearerTokens(all(values));
            }
        }
        return current;
    }

    /** Every usable token configured at this moment (for the start-up check). */
    public List<String> usable() {
        return BearerTokens.usable(all(file.map(SecretFile::values).orElse(List.of())));
    }

    private List<String> all(List<String> fromFile) {
        List<String> all = new ArrayList<>(configured);
        all.addAll(fromFile);
        return all;
    }
}
