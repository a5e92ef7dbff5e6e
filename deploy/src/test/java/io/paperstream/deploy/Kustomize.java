package io.paperstream.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Renders a Kustomize directory with {@code kubectl kustomize} (kubectl from $KUBECTL or the PATH). */
final class Kustomize {
    private Kustomize() {}

    static Optional<Path> kubectl() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Skips the calling test (not a failure) on a machine without kubectl. */
    static Path requireKubectl() {
        Optional<Path> kubectl = kubectl();
        String message =
                "kubectl not found (neither $KUBECTL nor on the PATH): the Kustomize overlays are not rendered "
                        + "or checked on this machine (the base's and components' resources still are). CI has kubectl.";
        if (kubectl.isEmpty()) {
            System.err.println("[deploy checks] SKIPPED: " + message);
        }
        Assumptions.assumeTrue(kubectl.isPresent(), message);
        return kubectl.get();
    }

    /**
     * The resources a kustomization (base or component) lists, read as they are, without kubectl: its files and, for
     * a directory, that directory's resources. Patches and generators are not applied.
     */
    static List<ObjectNode> unrendered(Path dir) {
        List<ObjectNode> docs = new java.util.ArrayList<>();
        var kustomization = Yaml.parseAll(dir.resolve("kustomization.yaml")).get(0);
        for (var resource : Yaml.each(kustomization.path("resources"))) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                docs.addAll(unrendered(path));
            } else {
                docs.addAll(Yaml.parseAll(path));
            }
        }
        docs.addAll(generatedConfigMaps(dir, kustomization));
        return docs;
    }

    /** The ConfigMaps of a kustomization's configMapGenerator (envs files and literals), named without the hash. */
    static List<ObjectNode> generatedConfigMaps(Path dir, com.fasterxml.jackson.databind.JsonNode kustomization) {
        List<ObjectNode> maps = new java.util.ArrayList<>();
        for (var generator : Yaml.each(kustomization.path("configMapGenerator"))) {
            if (generator
                    .path("options")
                    .path("annotations")
                    .path("config.kubernetes.io/local-config")
                    .asText()
                    .equals("true")) {
                continue; // an input of the build only
            }
            ObjectNode map = Yaml.MAPPER.createObjectNode();
            map.put("apiVersion", "v1").put("kind", "ConfigMap");
            ObjectNode metadata = map.putObject("metadata");
            metadata.put("name", generator.path("name").asText());
            if (generator.path("options").has("labels")) {
                metadata.set("labels", generator.path("options").path("labels").deepCopy());
            }
            ObjectNode data = map.putObject("data");
            for (var envs : Yaml.each(generator.path("envs"))) {
                for (String line : Project.read(dir.resolve(envs.asText())).split("\n")) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                        data.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
                    }
                }
            }
            for (var literal : Yaml.each(generator.path("literals"))) {
                String l = literal.asText();
                data.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
            maps.add(map);
        }
        return maps;
    }

    /** The objects an overlay renders to; a failing render is a test failure with kubectl's message. */
    static List<ObjectNode> render(Path dir) {
        Path kubectl = requireKubectl();
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + Files.readString(err));
                }
                return Yaml.parseAll(Files.readString(out));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
