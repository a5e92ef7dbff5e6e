package io.paperstream.enrich.domain.tags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tag taxonomy loaded from YAML (a classpath resource or a mounted file); immutable. */
public final class Taxonomy {
    /** The taxonomy shipped with the service. */
    public static final String DEFAULT_RESOURCE = "/taxonomy/taxonomy.yaml";

    private final String version;
    private final double titleWeight;
    private final double repeatBonus;
    private final List<TagDefinition> tags;
    private final ArxivModel model;

    Taxonomy(String version, double titleWeight, double repeatBonus, List<TagDefinition> tags, ArxivModel model) {
        this.version = model == null ? version : version + "+" + model.version();
        this.model = model;
        this.titleWeight = titleWeight;
        this.repeatBonus = repeatBonus;
        this.tags = List.copyOf(tags);
    }

    /** Loads the taxonomy shipped with the service. */
    public static Taxonomy fromResource() {
        return fromResource(DEFAULT_RESOURCE);
    }

    /** Loads a taxonomy from the classpath; throws IllegalArgumentException when missing or invalid. */
    public static Taxonomy fromResource(String classpathResource) {
        String name = classpathResource.startsWith("/") ? classpathResource.substring(1) : classpathResource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(name);
        if (in == null) {
            in = Taxonomy.class.getResourceAsStream("/" + name);
        }
        if (in == null) {
            throw new IllegalArgumentException("taxonomy resource not found: " + classpathResource);
        }
        try (InputStream stream = in) {
            return TaxonomyParser.parse(stream, "classpath:" + classpathResource, null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read taxonomy resource " + classpathResource, e);
        }
    }

    /** Loads a taxonomy from a file (e.g. a mounted ConfigMap); throws IllegalArgumentException when invalid. */
    public static Taxonomy fromFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return TaxonomyParser.parse(
                    in, path.toString(), path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read taxonomy file " + path + ": " + e, e);
        }
    }

    /**
     * The {@code version:} of the file, followed by {@code +} and the learned model's version when the taxonomy names
     * one ({@code 2026.12.1+arxiv-lr-2026.12.2}); recorded with each enrichment, so a new taxonomy or a new model is
     * a new enrichment that a replay applies.
     */
    public String version() {
        return version;
    }

    /** The learned model that scores the tags without terms, or null. */
    public ArxivModel model() {
        return model;
    }

    /** The tags, in file order. */
    public List<TagDefinition> tags() {
        return tags;
    }

    /** How much a title occurrence counts relative to an abstract occurrence. */
    public double titleWeight() {
        return titleWeight;
    }

    /** Extra weight of each repeated abstract occurrence of a term (at most two repeats count). */
    public double repeatBonus() {
        return repeatBonus;
    }
}
