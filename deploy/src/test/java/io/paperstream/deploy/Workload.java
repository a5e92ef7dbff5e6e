package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container of a Deployment and the environment it gets: variable -> value (literal values; a Secret's value
 * is shown as {@code <secret name/key>}), and where each variable comes from.
 */
record Workload(
        ObjectNode deployment,
        JsonNode pod,
        JsonNode container,
        Map<String, String> env,
        Map<String, String> envSource,
        List<String> problems) {

    static Workload of(ObjectNode deployment, JsonNode container, Rendered all) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> source = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String id = Yaml.id(deployment) + " container " + container.path("name").asText();
        for (JsonNode from : Yaml.each(container.path("envFrom"))) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                var configMap = all.get("ConfigMap", name);
                if (configMap.isEmpty()) {
                    problems.add(id + ": envFrom ConfigMap " + name + " is not among the manifests");
                }
                configMap.ifPresent(cm -> Yaml.strings(cm.path("data")).forEach((k, v) -> {
                    env.put(k, v);
                    source.put(k, "ConfigMap/" + name);
                }));
            }
            if (from.has("secretRef")) {
                problems.add(id + ": envFrom Secret "
                        + from.path("secretRef").path("name").asText()
                        + " - name each variable with env[].valueFrom.secretKeyRef, so that it can be checked");
            }
        }
        for (JsonNode var : Yaml.each(container.path("env"))) {
            String name = var.path("name").asText();
            JsonNode secret = var.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                env.put(
                        name,
                        "<" + secret.path("name").asText() + "/"
                                + secret.path("key").asText() + ">");
                source.put(name, "Secret/" + secret.path("name").asText());
            } else {
                env.put(name, var.path("value").asText());
                source.put(name, "env");
            }
        }
        return new Workload(deployment, deployment.path("spec").path("template"), container, env, source, problems);
    }

    String id() {
        return Yaml.id(deployment) + " container " + name();
    }

    String name() {
        return container.path("name").asText();
    }

    Map<String, String> labels() {
        return Yaml.strings(pod.path("metadata").path("labels"));
    }

    JsonNode podSpec() {
        return pod.path("spec");
    }
}
