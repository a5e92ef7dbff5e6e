package io.paperstream.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the enricher ({@code paperstream.enrich.*}). */
@ConfigMapping(prefix = "paperstream.enrich")
public interface EnrichConfig {
    /**
     * A taxonomy YAML file that replaces the built-in one (e.g. a mounted ConfigMap). After changing it, replay
     * {@code papers.raw} (see the README) so that stored papers get the new tags.
     */
    Optional<String> taxonomyFile();

    /** Written into every output's {@code enrichment.version}. */
    @WithDefault("1.2.0")
    String version();
}
