package io.paperstream.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service really reads, from its sources: the keys of application.properties (all profiles), the
 * {@code ${ENV}} references in its values, the properties of its @ConfigMapping interfaces, plus the few standard
 * properties the manifests set ({@link #STANDARD}). Also its HTTP port, metrics path and Kafka channels.
 */
final class ServiceConfig {
    /** Standard Quarkus / Kafka-client properties the manifests set that the services' own files don't name. */
    static final Set<String> STANDARD = Set.of(
            "quarkus.shutdown.timeout",
            // Quarkus applies every kafka.* property to every Kafka channel (KAFKA_* environment variables too)
            "kafka.security.protocol",
            "kafka.sasl.mechanism",
            "kafka.sasl.jaas.config",
            "kafka.ssl.truststore.type",
            "kafka.ssl.truststore.location");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    final String name;
    /** property name (no profile) -> value in the prod profile (the %prod value if any, else the plain one) */
    private final Map<String, String> prod = new LinkedHashMap<>();

    private final Set<String> readableEnv = new TreeSet<>();
    private final Set<Pattern> wildcards = new java.util.HashSet<>();

    private ServiceConfig(String name) {
        this.name = name;
    }

    /** The configuration of a service module, empty when its sources are not in this checkout. */
    static Optional<ServiceConfig> load(String service, Path moduleDir) {
        Path properties = moduleDir.resolve("src/main/resources/application.properties");
        if (!Files.isDirectory(moduleDir.resolve("src/main/java")) && !Files.exists(properties)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(properties)) {
            throw new AssertionError(service + ": no " + properties);
        }
        return Optional.of(
                of(service, Project.read(properties), ConfigMappings.properties(moduleDir.resolve("src/main/java"))));
    }

    static ServiceConfig of(String service, String applicationProperties, Set<String> mappedProperties) {
        ServiceConfig config = new ServiceConfig(service);
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(applicationProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> profiled = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key);
            String property = key;
            if (key.startsWith("%")) {
                String profiles = key.substring(1, key.indexOf('.'));
                property = key.substring(key.indexOf('.') + 1);
                if (Set.of(profiles.split(",")).contains("prod")) {
                    profiled.put(property, value);
                }
            } else {
                config.prod.putIfAbsent(property, value);
            }
            config.addReadable(property);
            Matcher ref = REFERENCE.matcher(value);
            while (ref.find()) {
                config.readableEnv.add(ref.group(1));
                config.addReadable(ref.group(1));
            }
        }
        config.prod.putAll(profiled);
        mappedProperties.forEach(config::addReadable);
        STANDARD.forEach(config::addReadable);
        return config;
    }

    private void addReadable(String property) {
        if (property.contains("*")) {
            // EnvNames turns the '*' of a map key into '_': split on the '*' first
            String[] parts = property.split("\\*", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(i > 0 ? "[A-Z0-9_]+" : "").append(Pattern.quote(EnvNames.of(parts[i])));
            }
            wildcards.add(Pattern.compile(regex.toString()));
        } else {
            readableEnv.add(EnvNames.of(property));
        }
    }

    /** Whether an environment variable of this name is a configuration property the service reads. */
    boolean readsEnv(String env) {
        return readableEnv.contains(env)
                || wildcards.stream().anyMatch(p -> p.matcher(env).matches());
    }

    /** The value in the prod profile, with {@code ${ENV:default}} resolved against the given environment. */
    Optional<String> value(String property, Map<String, String> env) {
        String override = env.get(EnvNames.of(property));
        if (override != null) {
            return Optional.of(override);
        }
        String value = prod.get(property);
        if (value == null) {
            return Optional.empty();
        }
        Matcher ref = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (ref.find()) {
            String replacement = env.getOrDefault(ref.group(1), ref.group(2) == null ? "" : ref.group(2));
            ref.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        ref.appendTail(out);
        return Optional.of(out.toString());
    }

    int httpPort(Map<String, String> env) {
        return Integer.parseInt(value("quarkus.http.port", env).orElse("8080"));
    }

    /**
     * The port of health and metrics: the management interface's ({@code quarkus.management.port}, default 9000) when
     * it is enabled, else the HTTP port.
     */
    int managementPort(Map<String, String> env) {
        if (!"true".equals(value("quarkus.management.enabled", env).orElse("false"))) {
            return httpPort(env);
        }
        return Integer.parseInt(value("quarkus.management.port", env).orElse("9000"));
    }

    String metricsPath() {
        return prod.getOrDefault("quarkus.micrometer.export.prometheus.path", "/q/metrics");
    }

    /** Kafka channels: channel name -> its settings, for the direction "incoming" or "outgoing". */
    Map<String, Map<String, String>> channels(String direction) {
        Map<String, Map<String, String>> channels = new LinkedHashMap<>();
        prod.forEach((key, value) -> {
            Matcher m = CHANNEL.matcher(key);
            if (m.matches() && m.group(1).equals(direction)) {
                channels.computeIfAbsent(m.group(2), c -> new LinkedHashMap<>()).put(m.group(3), value);
            }
        });
        channels.entrySet().removeIf(e -> !"smallrye-kafka".equals(e.getValue().get("connector")));
        return channels;
    }

    /** Topics read: topic -> consumer group (both resolved against env). */
    Map<String, String> consumedTopics(Map<String, String> env) {
        Map<String, String> topics = new LinkedHashMap<>();
        channels("incoming")
                .keySet()
                .forEach(channel -> topics.put(
                        value("mp.messaging.incoming." + channel + ".topic", env)
                                .orElse(channel),
                        value("mp.messaging.incoming." + channel + ".group.id", env)
                                .orElse("")));
        // ingest-service's harvesting lease: its checkpoint topic, consumed in a group (io.paperstream.ingest.sources)
        value(SOURCES_CHECKPOINT_TOPIC, env)
                .ifPresent(topic -> topics.put(
                        topic, value("paperstream.sources.group", env).orElse("paperstream-sources")));
        return topics;
    }

    static final String SOURCES_CHECKPOINT_TOPIC = "paperstream.sources.checkpoint-topic";

    /** Topics written, including dead-letter topics. */
    Set<String> producedTopics() {
        Set<String> topics = new TreeSet<>();
        channels("outgoing")
                .keySet()
                .forEach(channel -> topics.add(value("mp.messaging.outgoing." + channel + ".topic", Map.of())
                        .orElse(channel)));
        channels("incoming").forEach((channel, settings) -> {
            if ("dead-letter-queue".equals(settings.get("failure-strategy"))) {
                topics.add(value("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", Map.of())
                        .orElse("dead-letter-topic-" + name));
            }
        });
        value(SOURCES_CHECKPOINT_TOPIC, Map.of()).ifPresent(topics::add);
        return topics;
    }

    /** The topics of a Kafka Streams topology ({@code quarkus.kafka-streams.topics}), empty without one. */
    Set<String> streamsTopics() {
        Set<String> topics = new TreeSet<>();
        value("quarkus.kafka-streams.topics", Map.of()).ifPresent(list -> {
            for (String t : list.split(",")) {
                if (!t.isBlank()) {
                    topics.add(t.strip());
                }
            }
        });
        return topics;
    }

    /** The Kafka Streams application id: its consumer group and the prefix of its internal topics. */
    Optional<String> streamsApplicationId(Map<String, String> env) {
        return value("quarkus.kafka-streams.application-id", env).filter(s -> !s.isBlank());
    }

    Set<String> topics() {
        Set<String> all = new TreeSet<>(producedTopics());
        all.addAll(consumedTopics(Map.of()).keySet());
        all.addAll(streamsTopics());
        return all;
    }
}
