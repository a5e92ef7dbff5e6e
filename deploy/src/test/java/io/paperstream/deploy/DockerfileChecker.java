package io.paperstream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a service's Dockerfile.jvm: the Quarkus fast-jar layout (lib/, the jars, app/, quarkus/ from
 * target/quarkus-app), a non-root USER, the service's HTTP port, an entry point, and the same base image as the
 * Jib profile of the service's pom (quarkus.jib.base-jvm-image).
 */
final class DockerfileChecker {
    private static final List<String> FAST_JAR = List.of(
            "target/quarkus-app/lib/",
            "target/quarkus-app/*.jar",
            "target/quarkus-app/app/",
            "target/quarkus-app/quarkus/");
    private static final Pattern JIB_BASE = Pattern.compile("<quarkus\\.jib\\.base-jvm-image>([^<]+)<");

    private DockerfileChecker() {}

    static List<String> check(String service, String dockerfile, String pom, Optional<Integer> httpPort) {
        List<String> problems = new ArrayList<>();
        List<String> lines = dockerfile
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        String from = instruction(lines, "FROM").orElse("");
        if (from.isEmpty()) {
            problems.add(service + " Dockerfile: no FROM");
        }
        Matcher jib = JIB_BASE.matcher(pom);
        if (!jib.find()) {
            problems.add(service + " pom.xml: no image profile with quarkus.jib.base-jvm-image");
        } else if (!from.split("\\s+")[0].equals(jib.group(1).trim())) {
            problems.add(service + " Dockerfile: FROM " + from + " is not the Jib base image " + jib.group(1));
        }
        for (String part : FAST_JAR) {
            if (lines.stream().noneMatch(l -> l.startsWith("COPY") && l.contains(part))) {
                problems.add(service + " Dockerfile: does not COPY " + part + " (fast-jar layout)");
            }
        }
        String user = lastInstruction(lines, "USER").orElse("");
        if (user.isEmpty()
                || user.equals("root")
                || user.equals("0")
                || user.startsWith("0:")
                || user.startsWith("root:")) {
            problems.add(service + " Dockerfile: does not switch to a non-root USER (found '" + user + "')");
        }
        httpPort.ifPresent(port -> {
            String expose = instruction(lines, "EXPOSE").orElse("");
            if (!List.of(expose.split("\\s+")).contains(String.valueOf(port))) {
                problems.add(service + " Dockerfile: EXPOSE " + expose + " is not the HTTP port " + port);
            }
        });
        if (instruction(lines, "ENTRYPOINT").isEmpty()
                && instruction(lines, "CMD").isEmpty()) {
            problems.add(service + " Dockerfile: no ENTRYPOINT or CMD");
        }
        return problems;
    }

    private static Optional<String> instruction(List<String> lines, String name) {
        return lines.stream()
                .filter(l -> l.toUpperCase().startsWith(name + " "))
                .map(l -> l.substring(name.length()).trim())
                .findFirst();
    }

    private static Optional<String> lastInstruction(List<String> lines, String name) {
        return lines.stream()
                .filter(l -> l.toUpperCase().startsWith(name + " "))
                .map(l -> l.substring(name.length()).trim())
                .reduce((a, b) -> b);
    }
}
