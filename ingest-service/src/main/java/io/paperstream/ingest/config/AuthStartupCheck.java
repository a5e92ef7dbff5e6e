package io.paperstream.ingest.config;

import io.paperstream.ingest.domain.BearerTokens;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** Refuses to start a service whose writes would be open by accident: auth on and no token configured. */
@ApplicationScoped
public class AuthStartupCheck {

    void onStart(@Observes StartupEvent event, IngestConfig config) {
        List<String> tokens = config.auth().tokens().orElse(List.of());
        BearerTokens.requireUsable(config.auth().enabled(), tokens);
        if (config.auth().enabled()) {
            Log.infof("Write endpoints require a bearer token (%d configured)", BearerTokens.usable(tokens).size());
        } else {
            Log.warn("paperstream.ingest.auth.enabled=false: POST and DELETE are open to anyone who can reach the service");
        }
    }
}
