package io.paperstream.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configuration of the three services, as far as their sources are in this checkout. */
final class ServiceConfigs {
    private final Map<String, ServiceConfig> present = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    static ServiceConfigs load() {
        ServiceConfigs configs = new ServiceConfigs();
        for (String service : Project.SERVICES) {
            ServiceConfig.load(service, Project.serviceDir(service))
                    .ifPresentOrElse(c -> configs.present.put(service, c), () -> configs.missing.add(service));
        }
        return configs;
    }

    static ServiceConfigs of(ServiceConfig... configs) {
        ServiceConfigs all = new ServiceConfigs();
        for (ServiceConfig config : configs) {
            all.present.put(config.name, config);
        }
        return all;
    }

    Optional<ServiceConfig> get(String service) {
        return Optional.ofNullable(present.get(service));
    }

    /** Services whose sources (src/main) are not in this checkout: their properties cannot be checked. */
    List<String> missing() {
        return missing;
    }

    Iterable<ServiceConfig> all() {
        return present.values();
    }
}
