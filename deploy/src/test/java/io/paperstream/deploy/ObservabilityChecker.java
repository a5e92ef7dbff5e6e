package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * deploy/observability against the services: the ServiceMonitor selects every service's Service and scrapes the port
 * that serves its metrics (the management port, at the metrics path); every alert has an expression, a severity and a
 * summary; every dashboard panel has a query. (That every metric named is exported is checked against the running
 * services in the e2e test.)
 */
final class ObservabilityChecker {
    private final ServiceConfigs services;

    ObservabilityChecker(ServiceConfigs services) {
        this.services = services;
    }

    List<String> check(List<ObjectNode> docs, String dashboardJson) {
        Rendered all = new Rendered(docs);
        List<String> problems = new ArrayList<>();
        serviceMonitors(all, problems);
        rules(all, problems);
        dashboard(dashboardJson, problems);
        return problems;
    }

    private void serviceMonitors(Rendered all, List<String> problems) {
        List<ObjectNode> monitors = all.ofKind("ServiceMonitor");
        if (monitors.isEmpty()) {
            problems.add("no ServiceMonitor");
        }
        for (Workload w : all.workloads()) {
            Optional<ServiceConfig> config = services.get(w.name());
            Optional<Integer> management = config.map(c -> c.managementPort(w.env()));
            String path = config.map(ServiceConfig::metricsPath).orElse("/q/metrics");
            var service = all.ofKind("Service").stream()
                    .filter(s -> Yaml.matchesAll(s.path("spec").path("selector"), w.labels()))
                    .findFirst();
            if (service.isEmpty()) {
                continue; // WorkloadRules reports it
            }
            Map<String, String> serviceLabels =
                    Yaml.strings(service.get().path("metadata").path("labels"));
            boolean scraped = false;
            for (ObjectNode monitor : monitors) {
                if (!Yaml.selects(monitor.path("spec").path("selector"), serviceLabels)) {
                    continue;
                }
                for (JsonNode endpoint : Yaml.each(monitor.path("spec").path("endpoints"))) {
                    scraped = true;
                    String portName = endpoint.path("port").asText();
                    Optional<Integer> target = Optional.empty();
                    for (JsonNode p : Yaml.each(service.get().path("spec").path("ports"))) {
                        if (p.path("name").asText().equals(portName)) {
                            target = WorkloadRules.containerPort(
                                    w, p.has("targetPort") ? p.get("targetPort") : p.get("port"));
                        }
                    }
                    if (target.isEmpty()) {
                        problems.add(Yaml.id(monitor) + ": Service " + Yaml.name(service.get()) + " has no port named "
                                + portName);
                    } else if (management.isPresent() && !target.equals(management)) {
                        problems.add(Yaml.id(monitor) + ": scrapes " + w.name() + " on port " + target.get()
                                + ", not its management port " + management.get() + " (where /q/metrics is served)");
                    }
                    String scrapedPath = endpoint.path("path").asText("/metrics");
                    if (!scrapedPath.equals(path)) {
                        problems.add(Yaml.id(monitor) + ": scrapes " + w.name() + " at " + scrapedPath
                                + ", the service " + "serves metrics at " + path);
                    }
                }
            }
            if (!scraped) {
                problems.add(w.name() + ": no ServiceMonitor selects its Service");
            }
        }
    }

    private static void rules(Rendered all, List<String> problems) {
        List<ObjectNode> rules = all.ofKind("PrometheusRule");
        if (rules.isEmpty()) {
            problems.add("no PrometheusRule");
        }
        Set<String> names = new HashSet<>();
        for (ObjectNode rule : rules) {
            for (JsonNode group : Yaml.each(rule.path("spec").path("groups"))) {
                for (JsonNode r : Yaml.each(group.path("rules"))) {
                    String alert = r.path("alert").asText("");
                    if (alert.isEmpty()) {
                        continue; // a recording rule
                    }
                    if (!names.add(alert)) {
                        problems.add(Yaml.id(rule) + ": alert " + alert + " is defined twice");
                    }
                    if (r.path("expr").asText("").isBlank()) {
                        problems.add(Yaml.id(rule) + ": alert " + alert + " has no expr");
                    }
                    if (!Set.of("critical", "warning", "info")
                            .contains(r.path("labels").path("severity").asText())) {
                        problems.add(Yaml.id(rule) + ": alert " + alert
                                + " has no severity label (critical, warning, info)");
                    }
                    if (r.path("annotations").path("summary").asText("").isBlank()) {
                        problems.add(Yaml.id(rule) + ": alert " + alert + " has no summary annotation");
                    }
                }
            }
        }
        for (String expected : List.of(
                "PaperstreamConsumerLagGrowing",
                "PaperstreamDeadLetters",
                "PaperstreamIngest5xx",
                "PaperstreamApiP99OverTarget")) {
            if (!rules.isEmpty() && !names.contains(expected)) {
                problems.add("no alert " + expected);
            }
        }
    }

    private static void dashboard(String json, List<String> problems) {
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            problems.add("dashboard.json is not JSON: " + e.getMessage());
            return;
        }
        if (!dashboard.path("panels").isArray() || dashboard.path("panels").isEmpty()) {
            problems.add("dashboard.json has no panels");
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : Yaml.each(dashboard.path("panels"))) {
            String title = panel.path("title").asText("?");
            if (!ids.add(panel.path("id").asInt(-1))) {
                problems.add("dashboard.json: panel " + title + " has a duplicate or missing id");
            }
            boolean query = false;
            for (JsonNode target : Yaml.each(panel.path("targets"))) {
                query |= !target.path("expr").asText("").isBlank();
            }
            if (!query) {
                problems.add("dashboard.json: panel " + title + " has no query (targets[].expr)");
            }
        }
    }
}
