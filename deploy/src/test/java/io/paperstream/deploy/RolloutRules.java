package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rendered manifests roll the pods when their configuration changes: every ConfigMap a service reads (envFrom) is one
 * of Kustomize's configMapGenerator, whose name carries a hash of its content, so a new value is a new name in the
 * Pod template. And images are release images: a tag, neither "latest" nor a -SNAPSHOT.
 */
final class RolloutRules {
    /** Kustomize's content hash: a dash and ten characters of its own alphabet. */
    static final Pattern HASHED = Pattern.compile(".+-[a-z0-9]{10}");

    private RolloutRules() {}

    static void check(Rendered all, List<String> problems) {
        for (Workload w : all.workloads()) {
            for (JsonNode from : Yaml.each(w.container().path("envFrom"))) {
                String name = from.path("configMapRef").path("name").asText("");
                if (!name.isEmpty() && !HASHED.matcher(name).matches()) {
                    problems.add(
                            w.id() + ": ConfigMap " + name + " has no content hash in its name (configMapGenerator): "
                                    + "a change of its values would not roll the pods");
                }
            }
        }
    }

    /** A CloudNativePG Cluster runs a pinned PostgreSQL: a major.minor tag or a digest, so nothing changes unasked. */
    static void database(Rendered all, List<String> problems) {
        for (var cluster : all.ofKind("Cluster")) {
            if (!cluster.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                continue;
            }
            String image = cluster.path("spec").path("imageName").asText("");
            if (!image.contains("@sha256:") && !image.matches(".+:\\d+\\.\\d+([-.].*)?")) {
                problems.add(Yaml.id(cluster) + ": imageName " + (image.isEmpty() ? "(the operator's default)" : image)
                        + " is not pinned to a PostgreSQL minor release (e.g. :17.5) or a digest");
            }
        }
    }

    /** Image references of the services: a release tag, not latest, not a snapshot (also checked unrendered). */
    static void images(Workload w, List<String> problems) {
        String image = w.container().path("image").asText("");
        String tag = image.contains("@")
                ? "digest"
                : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
        if (tag.isEmpty() || tag.equals("latest") || tag.toUpperCase().endsWith("-SNAPSHOT")) {
            problems.add(w.id() + ": image " + image + " is not a release image (a version tag or a digest, not "
                    + "latest or -SNAPSHOT)");
        }
    }
}
