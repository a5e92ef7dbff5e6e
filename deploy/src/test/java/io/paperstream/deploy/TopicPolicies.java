package io.paperstream.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The topics' retention policies of docs/architecture.md ("Topics"), and the topic names the event contract declares. */
final class TopicPolicies {
    static final long DAY_MS = 24L * 60 * 60 * 1000;

    /** topic -> cleanup.policy and retention.ms (null: not time-limited). */
    record Policy(String cleanup, Long retentionMs) {}

    static final Map<String, Policy> EXPECTED = Map.of(
            "papers.raw", new Policy("delete", 7 * DAY_MS),
            "papers.enriched", new Policy("compact", null),
            // the resolver's output (internal: only enrich-service reads it) and the public alias -> canonical id map
            "papers.resolved", new Policy("compact", null),
            "papers.aliases", new Policy("compact", null),
            "papers.raw.dlq", new Policy("delete", 14 * DAY_MS),
            "papers.enriched.dlq", new Policy("delete", 14 * DAY_MS),
            // ingest-service's harvesting checkpoints (and lease): the latest position per source, kept forever
            "paperstream.sources.checkpoints", new Policy("compact", null));

    private TopicPolicies() {}

    /** The topic constants of paper-events' Topics class (the event contract), if its source is here. */
    static Set<String> contractTopics() {
        var source = Project.root().resolve("paper-events/src/main/java/io/paperstream/events/Topics.java");
        Set<String> topics = new TreeSet<>();
        if (java.nio.file.Files.isRegularFile(source)) {
            Matcher m = Pattern.compile("String\\s+(\\w+)\\s*=\\s*\"([^\"]+)\"").matcher(Project.read(source));
            while (m.find()) {
                if (!m.group(1).endsWith("_TYPE")) {
                    topics.add(m.group(2));
                }
            }
        }
        return topics;
    }

    /** Problems of one topic's settings, or none. */
    static java.util.List<String> check(String where, String topic, Map<String, String> config) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        Policy policy = EXPECTED.get(topic);
        if (policy == null) {
            problems.add(where + ": topic " + topic + " is not one of " + new TreeSet<>(EXPECTED.keySet()));
            return problems;
        }
        String cleanup = config.getOrDefault("cleanup.policy", "delete");
        if (!cleanup.equals(policy.cleanup())) {
            problems.add(where + ": topic " + topic + " has cleanup.policy=" + cleanup + ", docs/architecture.md says "
                    + policy.cleanup());
        }
        if (policy.retentionMs() != null
                && !String.valueOf(policy.retentionMs()).equals(config.get("retention.ms"))) {
            problems.add(where + ": topic " + topic + " has retention.ms=" + config.get("retention.ms")
                    + ", docs/architecture.md says " + policy.retentionMs() + " (" + policy.retentionMs() / DAY_MS
                    + " days)");
        }
        return problems;
    }
}
