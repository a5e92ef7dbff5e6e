package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** YAML documents as Jackson trees, and small accessors for Kubernetes objects. */
final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {}

    /** All documents of a (multi-document) YAML text; empty documents are skipped. */
    static List<ObjectNode> parseAll(String yaml) {
        List<ObjectNode> docs = new ArrayList<>();
        try (var parser = MAPPER.getFactory().createParser(yaml)) {
            var it = MAPPER.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode object) {
                    docs.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static List<ObjectNode> parseAll(Path file) {
        return parseAll(Project.read(file));
    }

    static String kind(JsonNode doc) {
        return doc.path("kind").asText();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String id(JsonNode doc) {
        return kind(doc) + "/" + name(doc);
    }

    /** A string-to-string map (labels, ConfigMap data), empty if absent. */
    static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new TreeMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static Iterable<JsonNode> each(JsonNode array) {
        return array.isArray() ? array::elements : List.<JsonNode>of();
    }

    /** Whether a label selector (matchLabels / matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (var e : strings(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : each(selector.path("matchExpressions"))) {
            String value = labels.get(expr.path("key").asText());
            List<String> values = new ArrayList<>();
            each(expr.path("values")).forEach(v -> values.add(v.asText()));
            boolean ok =
                    switch (expr.path("operator").asText()) {
                        case "In" -> value != null && values.contains(value);
                        case "NotIn" -> value == null || !values.contains(value);
                        case "Exists" -> value != null;
                        case "DoesNotExist" -> value == null;
                        default -> false;
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A selector-style map (Service.spec.selector) selects these labels. */
    static boolean matchesAll(JsonNode map, Map<String, String> labels) {
        Map<String, String> wanted = strings(map);
        return !wanted.isEmpty()
                && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
