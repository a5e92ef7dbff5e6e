package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka objects agree with the services: KafkaTopics are exactly the topics the services use, with the policies of
 * docs/architecture.md; a service's KafkaUser lets it read, join its group and write what its configuration says; a
 * KEDA ScaledObject watches the topic and group the service consumes; autoscalers stay within the partitions.
 */
final class KafkaRules {
    private KafkaRules() {}

    /** Strimzi 1.x serves only this API (0.49 and later serve it too). */
    static final String STRIMZI_API = "kafka.strimzi.io/v1";

    static void check(Rendered all, ServiceConfigs services, List<String> problems) {
        for (var doc : all.docs) {
            String api = doc.path("apiVersion").asText();
            if (api.startsWith("kafka.strimzi.io/") && !api.equals(STRIMZI_API)) {
                problems.add(Yaml.id(doc) + ": apiVersion " + api + " is not served by Strimzi 1.x; use " + STRIMZI_API
                        + " (Strimzi 0.49 and later)");
            }
        }
        topics(all, services, problems);
        for (Workload w : all.workloads()) {
            services.get(w.name()).ifPresent(config -> {
                user(w, config, all, problems);
                scaling(w, config, all, problems);
            });
        }
    }

    /** The topics of the services' configuration and of the event contract. */
    static Set<String> expectedTopics(ServiceConfigs services) {
        Set<String> topics = new TreeSet<>(TopicPolicies.contractTopics());
        services.all().forEach(s -> topics.addAll(s.topics()));
        return topics;
    }

    private static void topics(Rendered all, ServiceConfigs services, List<String> problems) {
        Set<String> expected = expectedTopics(services);
        services.all()
                .forEach(s -> s.topics().stream()
                        .filter(t -> !TopicPolicies.EXPECTED.containsKey(t))
                        .forEach(t -> problems.add(
                                s.name + " uses topic " + t + ", which docs/architecture.md does not list")));
        var kafkaTopics = all.ofKind("KafkaTopic");
        if (kafkaTopics.isEmpty()) {
            return;
        }
        Set<String> declared = new TreeSet<>();
        for (var topic : kafkaTopics) {
            String name = Rendered.topicName(topic);
            declared.add(name);
            problems.addAll(TopicPolicies.check(
                    Yaml.id(topic), name, Yaml.strings(topic.path("spec").path("config"))));
        }
        for (String topic : expected) {
            if (!declared.contains(topic)) {
                problems.add("no KafkaTopic for " + topic + " (used by the services)");
            }
        }
        for (String topic : declared) {
            if (!expected.contains(topic)) {
                problems.add("KafkaTopic " + topic + " is not a topic the services use " + expected);
            }
        }
    }

    private static void user(Workload w, ServiceConfig config, Rendered all, List<String> problems) {
        if (all.ofKind("KafkaUser").isEmpty()) {
            return;
        }
        String jaas = w.env().getOrDefault("KAFKA_SASL_JAAS_CONFIG", "");
        if (!jaas.startsWith("<")) {
            return; // no credentials from a Secret: nothing to match with a KafkaUser
        }
        String secret = jaas.substring(1, jaas.indexOf('/'));
        Optional<? extends JsonNode> user = all.get("KafkaUser", secret);
        if (user.isEmpty()) {
            problems.add(w.id() + ": reads Kafka credentials from Secret " + secret + ", but there is no KafkaUser "
                    + secret);
            return;
        }
        JsonNode acls = user.get().path("spec").path("authorization").path("acls");
        config.consumedTopics(w.env()).forEach((topic, group) -> {
            require(acls, "topic", topic, "Read", Yaml.id(user.get()), w.name() + " consumes " + topic, problems);
            require(
                    acls,
                    "group",
                    group,
                    "Read",
                    Yaml.id(user.get()),
                    w.name() + " consumes in group " + group,
                    problems);
        });
        config.producedTopics()
                .forEach(topic -> require(
                        acls, "topic", topic, "Write", Yaml.id(user.get()), w.name() + " writes " + topic, problems));
        // a Kafka Streams topology: its topics, its group (the application id) and its internal topics (id prefix)
        config.streamsApplicationId(w.env()).ifPresent(id -> {
            config.streamsTopics()
                    .forEach(topic -> require(
                            acls,
                            "topic",
                            topic,
                            "Describe",
                            Yaml.id(user.get()),
                            w.name() + "'s Kafka Streams topology uses " + topic,
                            problems));
            require(
                    acls,
                    "group",
                    id,
                    "Read",
                    Yaml.id(user.get()),
                    w.name() + "'s Kafka Streams application " + id,
                    problems);
            for (String operation : List.of("Create", "Read", "Write")) {
                require(
                        acls,
                        "topic",
                        id + "-store-changelog",
                        operation,
                        Yaml.id(user.get()),
                        "the internal topics of Kafka Streams application " + id + " (prefix " + id + "-)",
                        problems);
            }
        });
        Set<String> known = expectedTopicsOf(all, config);
        for (JsonNode acl : Yaml.each(acls)) {
            JsonNode resource = acl.path("resource");
            if (resource.path("type").asText().equals("topic")
                    && !resource.path("patternType").asText("literal").equals("prefix")
                    && !known.contains(resource.path("name").asText())) {
                problems.add(Yaml.id(user.get()) + ": ACL on topic "
                        + resource.path("name").asText() + ", which is not one of " + known);
            }
        }
    }

    private static Set<String> expectedTopicsOf(Rendered all, ServiceConfig config) {
        Set<String> topics = new TreeSet<>(TopicPolicies.EXPECTED.keySet());
        topics.addAll(config.topics());
        all.ofKind("KafkaTopic").forEach(t -> topics.add(Rendered.topicName(t)));
        return topics;
    }

    private static void require(
            JsonNode acls, String type, String name, String operation, String user, String why, List<String> problems) {
        for (JsonNode acl : Yaml.each(acls)) {
            JsonNode resource = acl.path("resource");
            boolean prefix = resource.path("patternType").asText("literal").equals("prefix");
            String pattern = resource.path("name").asText();
            boolean matches = resource.path("type").asText().equals(type)
                    && (prefix ? name.startsWith(pattern) : name.equals(pattern) || pattern.equals("*"));
            boolean allowed = false;
            for (JsonNode op : Yaml.each(acl.path("operations"))) {
                allowed |= op.asText().equals(operation) || op.asText().equals("All");
            }
            allowed |= acl.path("operation").asText().equals(operation);
            if (matches && allowed && !acl.path("type").asText("allow").equals("deny")) {
                return;
            }
        }
        problems.add(user + ": no ACL allows " + operation + " on " + type + " " + name + " (" + why + ")");
    }

    private static void scaling(Workload w, ServiceConfig config, Rendered all, List<String> problems) {
        Map<String, String> consumed = config.consumedTopics(w.env());
        String deployment = Yaml.name(w.deployment());
        for (var scaled : all.ofKind("ScaledObject")) {
            if (!scaled.path("spec")
                    .path("scaleTargetRef")
                    .path("name")
                    .asText()
                    .equals(deployment)) {
                continue;
            }
            for (JsonNode trigger : Yaml.each(scaled.path("spec").path("triggers"))) {
                if (!trigger.path("type").asText().equals("kafka")) {
                    continue;
                }
                String topic = trigger.path("metadata").path("topic").asText();
                String group = trigger.path("metadata").path("consumerGroup").asText();
                String fromEnv =
                        trigger.path("metadata").path("consumerGroupFromEnv").asText("");
                if (fromEnv.isEmpty()) {
                    problems.add(
                            Yaml.id(scaled) + ": names its consumer group literally; use consumerGroupFromEnv (the "
                                    + "variable the service reads its group from), so that a replay's new group moves KEDA too");
                } else if (!w.env().containsKey(fromEnv)) {
                    problems.add(Yaml.id(scaled) + ": consumerGroupFromEnv " + fromEnv + " is not set in the container "
                            + "of " + w.name());
                } else {
                    group = w.env().get(fromEnv);
                }
                if (!consumed.containsKey(topic)) {
                    problems.add(Yaml.id(scaled) + ": scales on topic " + topic + ", but " + w.name() + " consumes "
                            + consumed.keySet());
                } else if (!consumed.get(topic).equals(group)) {
                    problems.add(Yaml.id(scaled) + ": scales on the lag of group " + group + ", but " + w.name()
                            + " consumes " + topic + " in group " + consumed.get(topic));
                }
            }
            maxWithinPartitions(
                    scaled, scaled.path("spec").path("maxReplicaCount").asInt(), consumed, all, problems);
        }
        for (var hpa : all.ofKind("HorizontalPodAutoscaler")) {
            if (hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(deployment)) {
                maxWithinPartitions(hpa, hpa.path("spec").path("maxReplicas").asInt(), consumed, all, problems);
            }
        }
    }

    private static void maxWithinPartitions(
            JsonNode scaler, int max, Map<String, String> consumed, Rendered all, List<String> problems) {
        for (String topic : consumed.keySet()) {
            all.partitions(topic)
                    .filter(p -> max > p)
                    .ifPresent(p -> problems.add(Yaml.id(scaler) + ": up to " + max + " replicas, but " + topic
                            + " has " + p + " partitions (the others would sit idle)"));
        }
    }
}
