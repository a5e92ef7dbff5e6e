package io.paperstream.ingest.config;

import io.paperstream.ingest.api.AcceptedTokens;
import io.paperstream.ingest.domain.BearerTokens;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a service whose writes would be open by accident (auth on, no token), and warns when Quarkus'
 * own body limit would cut NDJSON bodies before the service's limit does (its 413 is not problem+json). (The native lz4
 * codec is loaded by service-kit's {@code NativeLz4}.)
 */
@ApplicationScoped
public class StartupChecks {

    void onStart(
            @Observes StartupEvent event,
            IngestConfig config,
            AcceptedTokens accepted,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        List<String> tokens = accepted.usable();
        BearerTokens.requireUsable(config.auth().enabled(), tokens);
        if (config.auth().enabled()) {
            Log.infof(
                    "Write endpoints require a bearer token (%d configured%s)",
                    tokens.size(),
                    config.auth()
                            .tokensFile()
                            .map(f -> ", file " + f + " re-read every "
                                    + config.auth().reloadInterval().toSeconds() + " s")
                            .orElse(""));
        } else {
            Log.warn(
                    "paperstream.ingest.auth.enabled=false: POST and DELETE are open to anyone who can reach the service");
        }
        long ndjson = config.maxNdjsonBytes().asLongValue();
        if (serverLimit.isPresent() && serverLimit.get().asLongValue() <= ndjson + (1 << 20)) {
            Log.warnf(
                    "quarkus.http.limits.max-body-size (%d bytes) should be above paperstream.ingest.max-ndjson-bytes"
                            + " (%d bytes) by at least 1 MiB",
                    serverLimit.get().asLongValue(), ndjson);
        }
    }
}
