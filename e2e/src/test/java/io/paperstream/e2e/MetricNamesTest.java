package io.paperstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric names of PromQL, of the rules and the dashboard, and of an exposition; a rule naming a missing metric. */
class MetricNamesTest {
    static final Path OBSERVABILITY =
            Path.of(System.getProperty("paperstream.root", "..")).resolve("deploy/observability");

    @Test
    void promQlNamesAreTheMetricsOnly() {
        assertThat(MetricNames.inPromQl("""
                histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{job="query-service", uri=~"/api/.*"}[5m]))) > 0.05
                and deriv(sum by (job) (kafka_consumer_fetch_manager_records_lag)[15m:1m]) > 0
                or sum(increase(paperstream_enrich_papers_total{outcome="dead-lettered"}[10m])) > 1e3"""))
                .containsExactlyInAnyOrder(
                        "http_server_requests_seconds_bucket",
                        "kafka_consumer_fetch_manager_records_lag",
                        "paperstream_enrich_papers_total");
    }

    @Test
    void theRulesAndTheDashboardNameMetrics() throws Exception {
        Set<String> rules =
                MetricNames.inRulesOrDashboard(Files.readString(OBSERVABILITY.resolve("prometheus-rule.yaml")));
        Set<String> dashboard =
                MetricNames.inRulesOrDashboard(Files.readString(OBSERVABILITY.resolve("dashboard.json")));
        assertThat(rules)
                .contains(
                        "kafka_consumer_fetch_manager_records_lag",
                        "paperstream_query_papers_dead_lettered_total",
                        "paperstream_ingest_requests_seconds_count",
                        "http_server_requests_seconds_bucket");
        assertThat(dashboard)
                .contains(
                        "paperstream_ingest_records_total",
                        "jvm_memory_used_bytes",
                        "paperstream_query_ingest_to_stored_seconds");
        assertThat(rules).allMatch(n -> n.matches("[a-z_]+"));
    }

    @Test
    void aRuleNamingAMetricNoServiceExportsIsFound() {
        Set<String> exported = MetricNames.inExposition("""
                # HELP x
                paperstream_query_papers_stored_total 3.0
                http_server_requests_seconds_bucket{le="0.05",uri="/api/v1/papers"} 7
                """);
        assertThat(exported)
                .containsExactlyInAnyOrder(
                        "paperstream_query_papers_stored_total", "http_server_requests_seconds_bucket");
        Set<String> named = MetricNames.inRulesOrDashboard("""
                - alert: Broken
                  expr: |
                    sum(rate(paperstream_query_papers_storred_total[5m])) > 0
                """);
        assertThat(named)
                .containsExactly("paperstream_query_papers_storred_total")
                .doesNotContainAnyElementsOf(exported);
    }
}
