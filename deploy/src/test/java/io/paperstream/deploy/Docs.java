package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A mutable copy of a set of manifests, with accessors for breaking them on purpose in the negative tests. */
final class Docs {
    final List<ObjectNode> list = new ArrayList<>();

    Docs(List<ObjectNode> docs) {
        docs.forEach(d -> list.add(d.deepCopy()));
    }

    ObjectNode get(String kind, String name) {
        return list.stream()
                .filter(d -> Yaml.kind(d).equals(kind) && Yaml.name(d).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " to break"));
    }

    void remove(String kind, String name) {
        list.remove(get(kind, name));
    }

    ObjectNode pod(String deployment) {
        return (ObjectNode)
                get("Deployment", deployment).path("spec").path("template").path("spec");
    }

    ObjectNode podMetadata(String deployment) {
        return (ObjectNode)
                get("Deployment", deployment).path("spec").path("template").path("metadata");
    }

    ObjectNode container(String deployment) {
        return (ObjectNode) pod(deployment).path("containers").get(0);
    }

    ObjectNode obj(JsonNode node, String... path) {
        JsonNode current = node;
        for (String p : path) {
            current = p.matches("\\d+") ? current.get(Integer.parseInt(p)) : current.path(p);
        }
        if (!(current instanceof ObjectNode object)) {
            throw new AssertionError("no object at " + String.join(".", path));
        }
        return object;
    }

    ObjectNode env(String deployment, String name) {
        for (JsonNode var : Yaml.each(container(deployment).path("env"))) {
            if (var.path("name").asText().equals(name)) {
                return (ObjectNode) var;
            }
        }
        throw new AssertionError("no env " + name + " in " + deployment);
    }

    /** Adds an env entry taking its value from a Secret key. */
    void addSecretEnv(String deployment, String name, String secret, String key) {
        ArrayNode env = container(deployment).withArray("env");
        ObjectNode ref =
                env.addObject().put("name", name).putObject("valueFrom").putObject("secretKeyRef");
        ref.put("name", secret).put("key", key);
    }

    ObjectNode configMapData(String name) {
        return obj(get("ConfigMap", name), "data");
    }
}
