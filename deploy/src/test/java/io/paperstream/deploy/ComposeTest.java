package io.paperstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/compose/compose.yaml parses and agrees with the services; broken copies are rejected. */
class ComposeTest {
    private static final Path COMPOSE = Project.deploy().resolve("compose/compose.yaml");

    private static List<String> check(String yaml) {
        return new ComposeChecker(ServiceConfigs.load(), COMPOSE.getParent()).check(yaml);
    }

    @Test
    void theComposeFilePassesEveryRule() {
        assertThat(check(Project.read(COMPOSE))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelt variable      | PAPERSTREAM_QUERY_CURSOR_SECRET:  | PAPERSTREAM_QUERY_CURSOR_SECRT:   | query-service sets PAPERSTREAM_QUERY_CURSOR_SECRT, which is not a configuration property
            wrong published port   | "${QUERY_PORT:-8080}:8080"        | "${QUERY_PORT:-8080}:8090"        | query-service publishes container port 8090, the service listens on 8080
            health on the HTTP port | /dev/tcp/localhost/9082          | /dev/tcp/localhost/8082           | enrich-service health check does not use its management port 9082
            topic not created      | --topic papers.raw.dlq            | --topic papers.raw.dead           | topic papers.raw.dlq is not created
            wrong retention        | retention.ms=604800000            | retention.ms=86400000             | papers.raw has retention.ms=86400000
            enriched not compacted | cleanup.policy=compact            | cleanup.policy=delete             | papers.enriched has cleanup.policy=delete
            another Kafka image    | image: apache/kafka:4.1.2         | image: bitnami/kafka:4.1          | service kafka must use apache/kafka:4.1.2
            another PostgreSQL     | image: postgres:17                | image: postgres:16                | service postgres must use postgres:17
            Kafka not reachable    | 'KAFKA_BOOTSTRAP_SERVERS: kafka:9092\n      POSTGRES' | 'KAFKA_BOOTSTRAP_SERVERS: broker:9092\n      POSTGRES' | KAFKA_BOOTSTRAP_SERVERS=broker:9092 is not a compose service
            wrong database URL     | jdbc:postgresql://postgres:5432/  | jdbc:postgresql://postgres:5433/  | database URLs do not name postgres:5432/paperstream
            no Dockerfile          | dockerfile: src/main/docker/Dockerfile.jvm | dockerfile: src/main/docker/Dockerfile | Dockerfile
            sample not mounted     | ../local/sample/daily-papers-sample.txt | ../local/sample/missing-sample.txt | does not mount an existing sample digest file
            wrong token            | 'Bearer ${PAPERSTREAM_INGEST_TOKEN:-compose-dev-token}' | 'Bearer ${PAPERSTREAM_INGEST_TOKEN:-other-token}' | does not send the ingest token
            """)
    void aBrokenCopyIsRejected(String what, String from, String to, String expectedProblem) {
        String compose = Project.read(COMPOSE);
        String fromText = from.replace("\\n", "\n");
        assertThat(compose).as("the test's starting point").contains(fromText);
        String broken = compose.replace(fromText, to.replace("\\n", "\n"));
        assertThat(check(broken)).as(what).anySatisfy(p -> assertThat(p).contains(expectedProblem));
    }
}
