package io.paperstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Ingress and Gateway API routes reach the services on their HTTP port: the backend is a Service of a service, and
 * the Service port it names leads to the container's HTTP port (never the management port: health and metrics stay
 * inside).
 */
final class RouteRules {
    private RouteRules() {}

    static void check(Rendered all, ServiceConfigs services, List<String> problems) {
        for (var ingress : all.ofKind("Ingress")) {
            for (JsonNode rule : Yaml.each(ingress.path("spec").path("rules"))) {
                for (JsonNode path : Yaml.each(rule.path("http").path("paths"))) {
                    JsonNode service = path.path("backend").path("service");
                    JsonNode port = service.path("port").has("name")
                            ? service.path("port").path("name")
                            : service.path("port").path("number");
                    backend(Yaml.id(ingress), service.path("name").asText(), port, all, services, problems);
                }
            }
        }
        for (var route : all.ofKind("HTTPRoute")) {
            for (JsonNode rule : Yaml.each(route.path("spec").path("rules"))) {
                for (JsonNode ref : Yaml.each(rule.path("backendRefs"))) {
                    backend(Yaml.id(route), ref.path("name").asText(), ref.path("port"), all, services, problems);
                }
            }
        }
    }

    private static void backend(
            String where,
            String serviceName,
            JsonNode port,
            Rendered all,
            ServiceConfigs services,
            List<String> problems) {
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> service = all.get("Service", serviceName);
        if (service.isEmpty()) {
            problems.add(where + ": routes to Service " + serviceName + ", which is not among the manifests");
            return;
        }
        for (Workload w : all.workloads()) {
            if (!Yaml.matchesAll(service.get().path("spec").path("selector"), w.labels())) {
                continue;
            }
            Optional<Integer> http = services.get(w.name()).map(c -> c.httpPort(w.env()));
            Optional<Integer> target = Optional.empty();
            for (JsonNode p : Yaml.each(service.get().path("spec").path("ports"))) {
                boolean named = port.isTextual() && p.path("name").asText().equals(port.asText());
                boolean numbered = port.isNumber() && p.path("port").asInt() == port.asInt();
                if (named || numbered) {
                    target = WorkloadRules.containerPort(w, p.has("targetPort") ? p.get("targetPort") : p.get("port"));
                }
            }
            if (target.isEmpty()) {
                problems.add(where + ": Service " + serviceName + " has no port " + port.asText());
            } else if (http.isPresent() && !target.equals(http)) {
                problems.add(where + ": routes to port " + port.asText() + " of " + serviceName + " (container port "
                        + target.get() + "), not its HTTP port " + http.get());
            }
        }
    }
}
