package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

/** Each service's Dockerfile.jvm: fast-jar layout, non-root, its port, the Jib profile's base image. */
class DockerfilesTest {
    static final List<String> SERVICES = Project.SERVICES;

    private static List<String> check(String service, String dockerfile) {
        Path module = Project.root().resolve(service);
        Optional<Integer> port = ServiceConfigs.load().get(service).map(c -> c.httpPort(Map.of()));
        return DockerfileChecker.check(service, dockerfile, Project.read(module.resolve("pom.xml")), port);
    }

    private static String dockerfile(String service) {
        return Project.read(Project.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyDockerfilePassesEveryRule(String service) {
        assertThat(check(service, dockerfile(service))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            runs as root           | USER 185                       | USER root                      | does not switch to a non-root USER
            no USER                | USER 185                       | ''                             | does not switch to a non-root USER
            lib/ not copied        | target/quarkus-app/lib/        | target/lib/                    | does not COPY target/quarkus-app/lib/
            quarkus/ not copied    | target/quarkus-app/quarkus/    | target/quarkus-app/q/          | does not COPY target/quarkus-app/quarkus/
            another port           | EXPOSE 8080 9080               | EXPOSE 8081 9080               | EXPOSE 8081 9080 is not the HTTP port 8080
            another base image     | openjdk-17-runtime:1.24        | openjdk-17-runtime:1.20        | is not the Jib base image
            no entry point         | ENTRYPOINT                     | '# ENTRYPOINT'                 | no ENTRYPOINT or CMD
            """)
    void aBrokenCopyIsRejected(String what, String from, String to, String expectedProblem) {
        String original = dockerfile("query-service");
        assertThat(original).as("the test's starting point").contains(from);
        assertThat(check("query-service", original.replace(from, to)))
                .as(what)
                .anySatisfy(p -> assertThat(p).contains(expectedProblem));
    }
}
