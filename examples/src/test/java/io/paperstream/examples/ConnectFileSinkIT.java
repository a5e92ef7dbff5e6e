package io.paperstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.localstack.KafkaBroker;
import io.paperstream.localstack.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka Connect sink configuration of the guide (examples/connect/), checked against the connector's ConfigDef,
 * then run: a standalone Connect worker from the Maven jars, in this JVM, against the real broker, with the
 * configuration files as written (only the broker address, the REST port and the output file replaced).
 */
class ConnectFileSinkIT {
    static final Path CONNECT = Path.of("connect");
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
        broker.createTopic("papers.enriched", 3, Map.of("cleanup.policy", "compact"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theConnectorAcceptsTheConfiguration() throws IOException {
        Map<String, String> config = read(CONNECT.resolve("papers-enriched-file-sink.properties"));
        List<String> errors = new ArrayList<>();
        for (ConfigValue value : new FileStreamSinkConnector().validate(config).configValues()) {
            value.errorMessages().forEach(m -> errors.add(value.name() + ": " + m));
        }
        assertThat(errors).isEmpty();
        assertThat(config)
                .containsEntry("topics", "papers.enriched")
                .containsEntry("name", "paperstream-reader-file-sink");
    }

    @Test
    void aStandaloneWorkerWritesEveryPaperVersionAndDropsTombstones(@TempDir Path dir) throws Exception {
        try (Records records = new Records(broker, "papers.enriched")) {
            records.send("arxiv:2401.00031", Records.paper("arxiv:2401.00031", 1, "Sunk", "t"));
            records.send("arxiv:2401.00032", Records.paper("arxiv:2401.00032", 1, "Deleted", "t"));
            records.send("arxiv:2401.00032", null);
        }
        Path workerFile = CONNECT.resolve("connect-standalone.properties");
        Map<String, String> worker = read(workerFile);
        worker.put("bootstrap.servers", broker.bootstrapServers());
        worker.put("listeners", "http://localhost:" + Ports.free());
        worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        Map<String, String> connector = read(CONNECT.resolve("papers-enriched-file-sink.properties"));
        Path out = dir.resolve("papers-enriched.ndjson");
        connector.put("file", out.toString());

        long started = System.nanoTime();
        Connect<StandaloneHerder> connect = new ConnectStandalone(workerFile.toString()).startConnect(worker);
        try {
            FutureCallback<ConfigInfos> validated = new FutureCallback<>();
            connect.herder().validateConnectorConfig(connector, validated);
            ConfigInfos infos = validated.get(30, TimeUnit.SECONDS);
            List<String> errors = new ArrayList<>();
            for (ConfigInfo info : infos.values()) {
                info.configValue()
                        .errors()
                        .forEach(e -> errors.add(info.configValue().name() + ": " + e));
            }
            assertThat(errors)
                    .as("worker validation (connector, converters, transforms, predicates)")
                    .isEmpty();
            assertThat(infos.errorCount()).isZero();

            FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<?>> created = new FutureCallback<>();
            connect.herder()
                    .putConnectorConfig(
                            connector.get("name"),
                            connector,
                            false,
                            (error, result) -> created.onCompletion(error, result));
            created.get(30, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<String> lines = List.of();
            while (lines.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
            }
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("{\"id\":\"arxiv:2401.0003");
            assertThat(String.join("\n", lines))
                    .contains("\"title\":\"Sunk\"", "\"title\":\"Deleted\"")
                    .doesNotContain("null\n");
        } finally {
            connect.stop();
            connect.awaitStop();
        }
        System.out.printf(
                "Connect standalone: started, validated, sank 2 records and stopped in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    static Map<String, String> read(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name)));
        return map;
    }
}
