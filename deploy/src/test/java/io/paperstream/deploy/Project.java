package io.paperstream.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the project's files are: the root is {@code ..} from this module, or the system property paperstream.root. */
final class Project {
    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "query-service");

    private Project() {}

    static Path root() {
        return Path.of(System.getProperty("paperstream.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path k8s() {
        return deploy().resolve("k8s");
    }

    /** A service's module directory; paperstream.service-dir.&lt;service&gt; points elsewhere (another checkout). */
    static Path serviceDir(String service) {
        String override = System.getProperty("paperstream.service-dir." + service);
        return override != null ? Path.of(override).toAbsolutePath().normalize() : root().resolve(service);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
