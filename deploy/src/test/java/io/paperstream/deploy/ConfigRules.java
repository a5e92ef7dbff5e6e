package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every environment variable a container gets (env and envFrom ConfigMaps) is a property its service reads, and
 * every Secret (and key) the manifests reference is documented in deploy/README.md.
 */
final class ConfigRules {
    private ConfigRules() {}

    static void env(Workload w, Optional<ServiceConfig> config, boolean sourcesMissing, List<String> problems) {
        problems.addAll(w.problems());
        if (!Project.SERVICES.contains(w.name())) {
            problems.add(w.id() + ": not one of the services " + Project.SERVICES
                    + " (containers are named after their service)");
            return;
        }
        if (config.isEmpty()) {
            if (!sourcesMissing) {
                problems.add(w.id() + ": no configuration found for " + w.name());
            }
            return;
        }
        w.env().forEach((name, value) -> {
            if (!config.get().readsEnv(name)) {
                problems.add(w.id() + ": " + name + " (from " + w.envSource().get(name) + ") is not a configuration "
                        + "property " + w.name() + " reads (application.properties, @ConfigMapping, ${ENV} "
                        + "references, or the allowlist ServiceConfig.STANDARD)");
            }
        });
    }

    /**
     * A {@code *_FILE} variable (a secret read from a file, e.g. PAPERSTREAM_INGEST_AUTH_TOKENS_FILE) names a file of a
     * volume mounted into the container; for a Secret volume with items, one of its items.
     */
    static void files(Workload w, List<String> problems) {
        w.env().forEach((name, value) -> {
            if (!name.endsWith("_FILE") || !value.startsWith("/")) {
                return;
            }
            boolean found = false;
            for (JsonNode mount : Yaml.each(w.container().path("volumeMounts"))) {
                String dir = mount.path("mountPath").asText();
                if (!value.startsWith(dir.endsWith("/") ? dir : dir + "/")) {
                    continue;
                }
                String file = value.substring(dir.length()).replaceFirst("^/", "");
                for (JsonNode volume : Yaml.each(w.podSpec().path("volumes"))) {
                    if (!volume.path("name").asText().equals(mount.path("name").asText())) {
                        continue;
                    }
                    JsonNode items = volume.path("secret").path("items");
                    if (items.isMissingNode() || items.isEmpty()) {
                        found = true;
                    }
                    for (JsonNode item : Yaml.each(items)) {
                        found |= item.path("path").asText().equals(file);
                    }
                }
            }
            if (!found) {
                problems.add(
                        w.id() + ": " + name + "=" + value + " is not a file of a volume mounted into the container");
            }
        });
    }

    /** Secret name -> keys referenced ("" for a whole Secret), with where. */
    static Map<String, Map<String, String>> secretReferences(Rendered all) {
        Map<String, Map<String, String>> refs = new LinkedHashMap<>();
        for (var deployment : all.ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : Yaml.each(pod.path(list))) {
                    for (JsonNode var : Yaml.each(c.path("env"))) {
                        JsonNode ref = var.path("valueFrom").path("secretKeyRef");
                        if (!ref.isMissingNode()) {
                            add(refs, ref.path("name").asText(), ref.path("key").asText(), Yaml.id(deployment));
                        }
                    }
                    for (JsonNode from : Yaml.each(c.path("envFrom"))) {
                        if (from.has("secretRef")) {
                            add(refs, from.path("secretRef").path("name").asText(), "", Yaml.id(deployment));
                        }
                    }
                }
            }
            for (JsonNode volume : Yaml.each(pod.path("volumes"))) {
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    String name = secret.path("secretName").asText();
                    if (!secret.has("items")) {
                        add(refs, name, "", Yaml.id(deployment));
                    }
                    Yaml.each(secret.path("items"))
                            .forEach(i -> add(refs, name, i.path("key").asText(), Yaml.id(deployment)));
                }
            }
        }
        for (var auth : all.ofKind("TriggerAuthentication")) {
            for (JsonNode ref : Yaml.each(auth.path("spec").path("secretTargetRef"))) {
                add(refs, ref.path("name").asText(), ref.path("key").asText(), Yaml.id(auth));
            }
        }
        return refs;
    }

    private static void add(Map<String, Map<String, String>> refs, String secret, String key, String where) {
        refs.computeIfAbsent(secret, s -> new LinkedHashMap<>()).putIfAbsent(key, where);
    }

    static void secretsDocumented(Rendered all, Map<String, Set<String>> documented, List<String> problems) {
        secretReferences(all)
                .forEach((secret, keys) -> keys.forEach((key, where) -> {
                    if (!documented.containsKey(secret)) {
                        problems.add(where + ": Secret " + secret
                                + " is not documented in deploy/README.md (Secrets table)");
                    } else if (!key.isEmpty() && !documented.get(secret).contains(key)) {
                        problems.add(where + ": key " + key + " of Secret " + secret
                                + " is not documented in deploy/README.md (Secrets table)");
                    }
                }));
    }
}
