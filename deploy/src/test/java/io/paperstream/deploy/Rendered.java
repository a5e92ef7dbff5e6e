package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A set of Kubernetes objects (one rendered overlay, or the unrendered resources of the base) with lookups. */
final class Rendered {
    final List<ObjectNode> docs;

    Rendered(List<ObjectNode> docs) {
        this.docs = docs;
    }

    List<ObjectNode> ofKind(String kind) {
        return docs.stream().filter(d -> Yaml.kind(d).equals(kind)).toList();
    }

    Optional<ObjectNode> get(String kind, String name) {
        return docs.stream()
                .filter(d -> Yaml.kind(d).equals(kind) && Yaml.name(d).equals(name))
                .findFirst();
    }

    /** Every container of every Deployment, with its effective environment. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            for (JsonNode container : Yaml.each(
                    deployment.path("spec").path("template").path("spec").path("containers"))) {
                workloads.add(Workload.of(deployment, container, this));
            }
        }
        return workloads;
    }

    /** Partitions of a topic, if a KafkaTopic for it is among the objects. */
    Optional<Integer> partitions(String topic) {
        return ofKind("KafkaTopic").stream()
                .filter(t -> topicName(t).equals(topic))
                .map(t -> t.path("spec").path("partitions").asInt())
                .findFirst();
    }

    static String topicName(JsonNode kafkaTopic) {
        String name = kafkaTopic.path("spec").path("topicName").asText();
        return name.isEmpty() ? Yaml.name(kafkaTopic) : name;
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return Yaml.strings(
                deployment.path("spec").path("template").path("metadata").path("labels"));
    }
}
