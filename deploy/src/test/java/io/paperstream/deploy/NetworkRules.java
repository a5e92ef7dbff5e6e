package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * NetworkPolicies: every service pod is covered for ingress and egress; only ingest-service and query-service
 * accept traffic from outside the namespace, and only on their HTTP port; the management port (health, metrics) is
 * open to the namespace and to Prometheus' namespace "monitoring" only, and Prometheus can reach it; egress goes only
 * to DNS, Kafka and (for the service with a datasource) PostgreSQL.
 */
final class NetworkRules {
    static final Set<String> PUBLIC = Set.of("ingest-service", "query-service");
    static final int DNS = 53;
    static final Set<Integer> KAFKA_PORTS = Set.of(9092, 9093);
    static final int POSTGRES = 5432;
    /** Harvesting services (ingest-service with paperstream.sources.*) reach arXiv and Hugging Face over HTTPS. */
    static final int HTTPS = 443;

    static final String MONITORING_NAMESPACE = "monitoring";

    private NetworkRules() {}

    static void check(Workload w, Rendered all, Optional<ServiceConfig> config, List<String> problems) {
        Map<String, String> labels = w.labels();
        var policies = all.ofKind("NetworkPolicy").stream()
                .filter(p -> Yaml.selects(p.path("spec").path("podSelector"), labels))
                .toList();
        boolean ingress = false;
        boolean egress = false;
        Optional<Integer> port = config.map(c -> c.httpPort(w.env()));
        Optional<Integer> management = config.map(c -> c.managementPort(w.env()));
        Set<Integer> allowedEgress = new TreeSet<>(KAFKA_PORTS);
        allowedEgress.add(DNS);
        if (config.map(c -> c.value("quarkus.datasource.db-kind", Map.of()).isPresent())
                .orElse(false)) {
            allowedEgress.add(POSTGRES);
        }
        if (config.map(c -> c.readsEnv("PAPERSTREAM_SOURCES_ENABLED")).orElse(false)) {
            allowedEgress.add(HTTPS); // the harvested sources (arXiv, Hugging Face), outside the cluster
        }
        for (var policy : policies) {
            Set<String> types = new TreeSet<>();
            Yaml.each(policy.path("spec").path("policyTypes")).forEach(t -> types.add(t.asText()));
            ingress |= types.contains("Ingress");
            egress |= types.contains("Egress");
            for (JsonNode rule : Yaml.each(policy.path("spec").path("ingress"))) {
                ingressRule(w, Yaml.id(policy), rule, port, management, problems);
            }
            for (JsonNode rule : Yaml.each(policy.path("spec").path("egress"))) {
                egressRule(w, Yaml.id(policy), rule, allowedEgress, problems);
            }
        }
        if (!ingress || !egress) {
            problems.add(w.id() + ": no NetworkPolicy restricts its " + (ingress ? "egress" : "ingress")
                    + " (a default-deny policy selecting the pod)");
        }
        if (PUBLIC.contains(w.name())
                && port.isPresent()
                && policies.stream().noneMatch(p -> opens(p, w, port.get()))) {
            problems.add(w.id() + ": no NetworkPolicy lets clients reach its HTTP port " + port.get());
        }
        if (management.isPresent() && policies.stream().noneMatch(p -> scrapes(p, w, management.get()))) {
            problems.add(w.id() + ": no NetworkPolicy lets Prometheus (namespace " + MONITORING_NAMESPACE
                    + ") reach its management port " + management.get());
        }
    }

    private static void ingressRule(
            Workload w,
            String policy,
            JsonNode rule,
            Optional<Integer> port,
            Optional<Integer> management,
            List<String> problems) {
        boolean fromOutside = fromOutside(rule);
        if (fromOutside && !PUBLIC.contains(w.name())) {
            problems.add(policy + ": lets traffic from outside the namespace reach " + w.name() + " (only "
                    + new TreeSet<>(PUBLIC) + " may receive it)");
        }
        if (!rule.has("ports")) {
            problems.add(policy + ": ingress rule without ports opens every port of " + w.name());
        }
        for (JsonNode p : Yaml.each(rule.path("ports"))) {
            Optional<Integer> number = WorkloadRules.containerPort(w, p.path("port"));
            if (management.isPresent() && number.equals(management) && !management.equals(port)) {
                if (fromOutside) {
                    problems.add(policy + ": opens the management port " + management.get() + " of " + w.name()
                            + " (health, metrics) to traffic from outside the namespace (only namespace "
                            + MONITORING_NAMESPACE + " may scrape it)");
                }
            } else if (port.isPresent() && !number.equals(port)) {
                problems.add(policy + ": opens port " + p.path("port").asText() + " of " + w.name()
                        + ", which is neither its HTTP port " + port.get()
                        + management.map(m -> " nor its management port " + m).orElse(""));
            }
        }
    }

    private static boolean fromOutside(JsonNode rule) {
        boolean outside = !rule.has("from") || rule.path("from").isEmpty();
        for (JsonNode peer : Yaml.each(rule.path("from"))) {
            outside |= peer.has("ipBlock") || (peer.has("namespaceSelector") && !monitoring(peer));
        }
        return outside;
    }

    /** Whether the policy lets pods of the monitoring namespace reach the given port. */
    private static boolean scrapes(JsonNode policy, Workload w, int port) {
        for (JsonNode rule : Yaml.each(policy.path("spec").path("ingress"))) {
            boolean monitoring = fromOutside(rule);
            for (JsonNode peer : Yaml.each(rule.path("from"))) {
                monitoring |= monitoring(peer);
            }
            if (!monitoring) {
                continue;
            }
            for (JsonNode p : Yaml.each(rule.path("ports"))) {
                if (WorkloadRules.containerPort(w, p.path("port")).equals(Optional.of(port))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean monitoring(JsonNode peer) {
        return Yaml.strings(peer.path("namespaceSelector").path("matchLabels"))
                .equals(Map.of("kubernetes.io/metadata.name", MONITORING_NAMESPACE));
    }

    private static void egressRule(
            Workload w, String policy, JsonNode rule, Set<Integer> allowed, List<String> problems) {
        if (!rule.has("ports") || rule.path("ports").isEmpty()) {
            problems.add(policy + ": egress rule without ports lets " + w.name() + " reach anything");
        }
        for (JsonNode p : Yaml.each(rule.path("ports"))) {
            int number = p.path("port").asInt(-1);
            if (!allowed.contains(number)) {
                problems.add(policy + ": lets " + w.name() + " reach port "
                        + p.path("port").asText()
                        + " (allowed: DNS, Kafka" + (allowed.contains(POSTGRES) ? ", PostgreSQL" : "")
                        + (allowed.contains(HTTPS) ? ", HTTPS" : "") + " " + allowed
                        + ")");
            }
        }
    }

    private static boolean opens(JsonNode policy, Workload w, int port) {
        for (JsonNode rule : Yaml.each(policy.path("spec").path("ingress"))) {
            for (JsonNode p : Yaml.each(rule.path("ports"))) {
                if (WorkloadRules.containerPort(w, p.path("port")).equals(Optional.of(port))) {
                    return true;
                }
            }
        }
        return false;
    }
}
