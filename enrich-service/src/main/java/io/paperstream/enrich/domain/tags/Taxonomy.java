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

    Taxonomy(String version, double titleWeight, double repeatBonus, List<TagDefinition> tags) {
        this.version = version;
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
            return TaxonomyParser.parse(stream, "classpath:" + classpathResource);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read taxonomy resource " + classpathResource, e);
        }
    }

    /** Loads a taxonomy from a file (e.g. a mounted ConfigMap); throws IllegalArgumentException when invalid. */
    public static Taxonomy fromFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return TaxonomyParser.parse(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read taxonomy file " + path + ": " + e, e);
        }
    }

    /** The {@code version:} of the file, recorded with each enrichment so a taxonomy change can be replayed. */
    public String version() {
        return version;
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
