package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The opt-in component deploy/observability, with the base, passes its rules; one broken copy per rule. */
class ObservabilityTest {
    static final Path DIR = Project.deploy().resolve("observability");

    static List<ObjectNode> withBase(String monitor, String rule) {
        List<ObjectNode> docs =
                new ArrayList<>(Kustomize.unrendered(Project.k8s().resolve("base")));
        docs.addAll(Yaml.parseAll(monitor));
        docs.addAll(Yaml.parseAll(rule));
        return docs;
    }

    static List<String> check(String monitor, String rule, String dashboard) {
        return new ObservabilityChecker(ServiceConfigs.load()).check(withBase(monitor, rule), dashboard);
    }

    @Test
    void theComponentAsWrittenPassesEveryRule() {
        assertThat(check(
                        Project.read(DIR.resolve("service-monitor.yaml")),
                        Project.read(DIR.resolve("prometheus-rule.yaml")),
                        Project.read(DIR.resolve("dashboard.json"))))
                .isEmpty();
    }

    @Test
    void theProductionOverlayWithTheComponentRenders() throws Exception {
        Kustomize.requireKubectl();
        Path dir = Project.deploy().resolve("target/kustomize/production-observability");
        Files.createDirectories(dir);
        String k8s = dir.relativize(Project.k8s()).toString();
        String observability = dir.relativize(DIR).toString();
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources:
                  - %s/overlays/production
                components:
                  - %s
                """.formatted(k8s, observability));
        List<ObjectNode> docs = Kustomize.render(dir);
        assertThat(docs)
                .extracting(Yaml::id)
                .contains(
                        "ServiceMonitor/paperstream",
                        "PrometheusRule/paperstream",
                        "ConfigMap/paperstream-grafana-dashboard");
        String dashboard = docs.stream()
                .filter(d -> Yaml.id(d).equals("ConfigMap/paperstream-grafana-dashboard"))
                .findFirst()
                .orElseThrow()
                .path("data")
                .path("dashboard.json")
                .asText();
        assertThat(new ObservabilityChecker(ServiceConfigs.load()).check(docs, dashboard))
                .isEmpty();
        assertThat(ManifestChecker.forProject().check(docs)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scrapes the public port  | service-monitor.yaml | '- port: management' | '- port: http'         | scrapes query-service on port 8080, not its management port 9080
            another metrics path     | service-monitor.yaml | 'path: /q/metrics'    | 'path: /metrics'        | serves metrics at /q/metrics
            selects no Service       | service-monitor.yaml | 'values: [ingest-service, enrich-service, query-service]' | 'values: [ingest-service, query-service]' | enrich-service: no ServiceMonitor selects its Service
            alert without severity   | prometheus-rule.yaml | 'severity: critical'  | 'severity: page'        | alert PaperstreamIngest5xx has no severity label
            alert missing            | prometheus-rule.yaml | 'alert: PaperstreamDeadLetters' | 'alert: PaperstreamDeadLetter' | no alert PaperstreamDeadLetters
            panel without a query    | dashboard.json       | '"expr": "sum by (outcome) (rate(paperstream_ingest_records_total[5m]))"' | '"expr": ""' | panel Ingest: records by outcome has no query
            """)
    void aBrokenCopyIsRejected(String what, String file, String from, String to, String expected) {
        String monitor = Project.read(DIR.resolve("service-monitor.yaml"));
        String rule = Project.read(DIR.resolve("prometheus-rule.yaml"));
        String dashboard = Project.read(DIR.resolve("dashboard.json"));
        String original =
                switch (file) {
                    case "service-monitor.yaml" -> monitor;
                    case "prometheus-rule.yaml" -> rule;
                    default -> dashboard;
                };
        assertThat(original).as("the test's starting point").contains(from);
        String broken = original.replace(from, to);
        List<String> problems =
                switch (file) {
                    case "service-monitor.yaml" -> check(broken, rule, dashboard);
                    case "prometheus-rule.yaml" -> check(monitor, broken, dashboard);
                    default -> check(monitor, rule, broken);
                };
        assertThat(problems).as(what).anySatisfy(p -> assertThat(p).contains(expected));
    }
}
