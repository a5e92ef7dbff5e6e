package io.paperstream.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a set of Kubernetes objects against the services' real configuration and the documented Secrets, and
 * returns every problem found (an empty list: all rules hold). The rules are in WorkloadRules, ConfigRules,
 * KafkaRules and NetworkRules.
 */
final class ManifestChecker {
    private final ServiceConfigs services;
    private final Map<String, Set<String>> documentedSecrets;

    ManifestChecker(ServiceConfigs services, Map<String, Set<String>> documentedSecrets) {
        this.services = services;
        this.documentedSecrets = documentedSecrets;
    }

    /** The checker for this project: the services' sources and deploy/README.md. */
    static ManifestChecker forProject() {
        return new ManifestChecker(
                ServiceConfigs.load(), SecretsDoc.read(Project.deploy().resolve("README.md")));
    }

    List<String> check(List<ObjectNode> docs) {
        Rendered all = new Rendered(docs);
        List<String> problems = new ArrayList<>();
        if (all.workloads().isEmpty()) {
            problems.add("no Deployment among the manifests");
        }
        for (Workload w : all.workloads()) {
            Optional<ServiceConfig> config = services.get(w.name());
            boolean sourcesMissing = services.missing().contains(w.name());
            WorkloadRules.check(w, all, config, problems);
            ConfigRules.env(w, config, sourcesMissing, problems);
            ConfigRules.files(w, problems);
            RolloutRules.images(w, problems);
            NetworkRules.check(w, all, config, problems);
        }
        ConfigRules.secretsDocumented(all, documentedSecrets, problems);
        KafkaRules.check(all, services, problems);
        RouteRules.check(all, services, problems);
        RolloutRules.database(all, problems);
        return problems;
    }
}
