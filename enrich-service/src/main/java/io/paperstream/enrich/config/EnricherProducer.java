package io.paperstream.enrich.config;

import io.paperstream.enrich.domain.Enricher;
import io.paperstream.enrich.domain.tags.Taxonomy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/**
 * Builds the one {@link Enricher} from the configured (or built-in) taxonomy; a bad taxonomy file fails start-up. Built
 * at start-up, not at the first record: loading the taxonomy and its model takes seconds, which a replacement instance
 * should spend while it waits for its partitions, not after it got them (faults/README.md, time to recover).
 */
@ApplicationScoped
public class EnricherProducer {

    @Produces
    @ApplicationScoped
    @Startup
    Enricher enricher(EnrichConfig config) {
        Taxonomy taxonomy = config.taxonomyFile()
                .map(file -> Taxonomy.fromFile(Path.of(file)))
                .orElseGet(() -> Taxonomy.fromResource("/taxonomy/taxonomy.yaml"));
        Log.infof(
                "taxonomy %s with %d tags (%s)",
                taxonomy.version(),
                taxonomy.tags().size(),
                config.taxonomyFile().orElse("built-in"));
        return new Enricher(taxonomy, config.version());
    }
}
