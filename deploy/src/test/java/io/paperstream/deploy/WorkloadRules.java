package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for each container: SmallRye Health probes on the service's management port (health and metrics have a port
 * of their own), resource requests and limits, a
 * non-root locked-down security context with a writable /tmp, a grace period that covers Quarkus' graceful
 * shutdown, Prometheus scrape annotations, and a Service and PodDisruptionBudget that select the pods.
 */
final class WorkloadRules {
    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");
    /** Time for the JVM to exit once Quarkus' shutdown timeout is over. */
    static final int EXIT_MARGIN_SECONDS = 5;

    private WorkloadRules() {}

    static void check(Workload w, Rendered all, Optional<ServiceConfig> config, List<String> problems) {
        Optional<Integer> port = config.map(c -> c.httpPort(w.env()));
        Optional<Integer> management = config.map(c -> c.managementPort(w.env()));
        probes(w, management, problems);
        resources(w, problems);
        security(w, problems);
        shutdown(w, problems);
        metrics(w, management, config, problems);
        ports(w, all, port, management, problems);
    }

    private static void probes(Workload w, Optional<Integer> port, List<String> problems) {
        PROBES.forEach((probe, path) -> {
            JsonNode get = w.container().path(probe).path("httpGet");
            if (get.isMissingNode()) {
                problems.add(w.id() + ": no " + probe + " (httpGet " + path + ")");
                return;
            }
            if (!path.equals(get.path("path").asText())) {
                problems.add(
                        w.id() + ": " + probe + " checks " + get.path("path").asText() + ", not " + path);
            }
            Optional<Integer> probed = containerPort(w, get.path("port"));
            if (port.isPresent() && !probed.equals(port)) {
                problems.add(w.id() + ": " + probe + " port " + get.path("port").asText()
                        + " is not the service's management port " + port.get() + " (quarkus.management.port)");
            }
        });
    }

    private static void resources(Workload w, List<String> problems) {
        JsonNode resources = w.container().path("resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(kind).path(resource).asText().isEmpty()) {
                    problems.add(w.id() + ": no resources." + kind + "." + resource);
                }
            }
        }
    }

    private static void security(Workload w, List<String> problems) {
        JsonNode pod = w.podSpec().path("securityContext");
        JsonNode c = w.container().path("securityContext");
        if (!setting(c, pod, "runAsNonRoot").map(JsonNode::asBoolean).orElse(false)) {
            problems.add(w.id() + ": securityContext.runAsNonRoot is not true");
        }
        if (setting(c, pod, "runAsUser").map(JsonNode::asInt).orElse(-1) == 0) {
            problems.add(w.id() + ": runs as user 0 (root)");
        }
        if (!c.path("readOnlyRootFilesystem").asBoolean(false)) {
            problems.add(w.id() + ": securityContext.readOnlyRootFilesystem is not true");
        }
        if (c.path("allowPrivilegeEscalation").asBoolean(true)) {
            problems.add(w.id() + ": securityContext.allowPrivilegeEscalation is not false");
        }
        boolean dropsAll = false;
        for (JsonNode cap : Yaml.each(c.path("capabilities").path("drop"))) {
            dropsAll |= cap.asText().equals("ALL");
        }
        if (!dropsAll) {
            problems.add(w.id() + ": securityContext.capabilities.drop does not contain ALL");
        }
        String seccomp = setting(c, pod, "seccompProfile")
                .map(s -> s.path("type").asText())
                .orElse("");
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            problems.add(w.id() + ": no seccompProfile RuntimeDefault (pod or container)");
        }
        if (!writableTmp(w)) {
            problems.add(w.id() + ": /tmp is not a writable emptyDir (Quarkus needs it with a read-only root)");
        }
    }

    private static Optional<JsonNode> setting(JsonNode container, JsonNode pod, String field) {
        JsonNode value = container.has(field) ? container.get(field) : pod.get(field);
        return Optional.ofNullable(value).filter(v -> !v.isNull());
    }

    private static boolean writableTmp(Workload w) {
        for (JsonNode mount : Yaml.each(w.container().path("volumeMounts"))) {
            if (mount.path("mountPath").asText().equals("/tmp")
                    && !mount.path("readOnly").asBoolean(false)) {
                for (JsonNode volume : Yaml.each(w.podSpec().path("volumes"))) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void shutdown(Workload w, List<String> problems) {
        String timeout = w.env().get("QUARKUS_SHUTDOWN_TIMEOUT");
        if (timeout == null) {
            problems.add(w.id() + ": QUARKUS_SHUTDOWN_TIMEOUT is not set (graceful shutdown, tied to "
                    + "terminationGracePeriodSeconds)");
            return;
        }
        long shutdown = seconds(timeout);
        long preStop = preStopSeconds(w.container());
        long grace = w.podSpec().path("terminationGracePeriodSeconds").asLong(30);
        long needed = preStop + shutdown + EXIT_MARGIN_SECONDS;
        if (grace < needed) {
            problems.add(w.id() + ": terminationGracePeriodSeconds " + grace + " < preStop " + preStop
                    + " s + QUARKUS_SHUTDOWN_TIMEOUT " + shutdown + " s + " + EXIT_MARGIN_SECONDS + " s");
        }
    }

    /** A Quarkus duration: "20s", "500ms", "1m", plain seconds, or ISO-8601 ("PT20S"). */
    static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(duration.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> (n + 999) / 1000;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n;
            };
        }
        return Duration.parse(duration.trim()).toSeconds();
    }

    private static long preStopSeconds(JsonNode container) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        if (preStop.has("sleep")) {
            return preStop.path("sleep").path("seconds").asLong();
        }
        List<String> command = new java.util.ArrayList<>();
        Yaml.each(preStop.path("exec").path("command")).forEach(c -> command.add(c.asText()));
        if (command.size() == 2 && command.get(0).endsWith("sleep")) {
            return seconds(command.get(1));
        }
        return 0;
    }

    private static void metrics(
            Workload w, Optional<Integer> port, Optional<ServiceConfig> config, List<String> problems) {
        Map<String, String> annotations = Yaml.strings(w.pod().path("metadata").path("annotations"));
        if (!"true".equals(annotations.get("prometheus.io/scrape"))) {
            problems.add(w.id() + ": pod annotation prometheus.io/scrape is not \"true\"");
        }
        String path = config.map(ServiceConfig::metricsPath).orElse("/q/metrics");
        if (!path.equals(annotations.get("prometheus.io/path"))) {
            problems.add(w.id() + ": pod annotation prometheus.io/path is " + annotations.get("prometheus.io/path")
                    + ", the service serves metrics at " + path);
        }
        if (port.isPresent() && !String.valueOf(port.get()).equals(annotations.get("prometheus.io/port"))) {
            problems.add(w.id() + ": pod annotation prometheus.io/port is " + annotations.get("prometheus.io/port")
                    + ", not the management port " + port.get());
        }
    }

    private static void ports(
            Workload w, Rendered all, Optional<Integer> port, Optional<Integer> management, List<String> problems) {
        Optional<Integer> http = containerPort(w, Yaml.MAPPER.valueToTree("http"));
        if (http.isEmpty()) {
            problems.add(w.id() + ": no container port named http");
        } else if (port.isPresent() && !http.equals(port)) {
            problems.add(w.id() + ": container port http is " + http.get() + ", but the service listens on "
                    + port.get() + " (quarkus.http.port)");
        }
        if (management.isPresent() && !management.equals(port)) {
            Optional<Integer> named = containerPort(w, Yaml.MAPPER.valueToTree("management"));
            if (named.isEmpty()) {
                problems.add(w.id() + ": no container port named management");
            } else if (!named.equals(management)) {
                problems.add(w.id() + ": container port management is " + named.get() + ", but the management "
                        + "interface listens on " + management.get() + " (quarkus.management.port)");
            }
        }
        Map<String, String> labels = w.labels();
        var services = all.ofKind("Service").stream()
                .filter(s -> Yaml.matchesAll(s.path("spec").path("selector"), labels))
                .toList();
        if (services.isEmpty()) {
            problems.add(w.id() + ": no Service selects its pods");
        }
        for (var service : services) {
            for (JsonNode p : Yaml.each(service.path("spec").path("ports"))) {
                JsonNode target = p.has("targetPort") ? p.get("targetPort") : p.get("port");
                Optional<Integer> resolved = containerPort(w, target);
                if (resolved.isEmpty()
                        || (port.isPresent() && !resolved.equals(port) && !resolved.equals(management))) {
                    problems.add(Yaml.id(service) + ": targetPort " + target.asText()
                            + " is neither the HTTP nor the management port of " + w.id());
                }
            }
        }
        boolean pdb = all.ofKind("PodDisruptionBudget").stream()
                .anyMatch(b -> Yaml.selects(b.path("spec").path("selector"), labels));
        if (!pdb) {
            problems.add(w.id() + ": no PodDisruptionBudget selects its pods");
        }
    }

    /** A port given by number or by the name of one of the container's ports. */
    static Optional<Integer> containerPort(Workload w, JsonNode port) {
        if (port == null || port.isMissingNode()) {
            return Optional.empty();
        }
        if (port.isInt() || port.asText().matches("\\d+")) {
            return Optional.of(Integer.parseInt(port.asText()));
        }
        for (JsonNode p : Yaml.each(w.container().path("ports"))) {
            if (p.path("name").asText().equals(port.asText())) {
                return Optional.of(p.path("containerPort").asInt());
            }
        }
        return Optional.empty();
    }
}
