package io.paperstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperstream.localstack.KafkaBroker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commands of docs/consuming.md, as written, against a real broker holding papers.enriched records: the Kafka
 * tools from examples/target/lib, the replica consumer (its jar is built after the tests, so its classes and lib
 * stand in for {@code java -jar}), and kcat where it is installed. {@code $B} is the broker's address.
 */
class GuideCommandsIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern CODE_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
        broker.createTopic("papers.enriched", 3, Map.of("cleanup.policy", "compact"));
        try (Records records = new Records(broker, "papers.enriched")) {
            records.send("arxiv:2401.00041", Records.paper("arxiv:2401.00041", 1, "Guided", "t"));
            records.send("arxiv:2401.00042", Records.paper("arxiv:2401.00042", 1, "Deleted", "t"));
            records.send("arxiv:2401.00042", null);
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** The guide's shell commands (continuation lines joined, comments dropped). */
    static List<String> commands() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/consuming.md"));
        List<String> commands = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(guide);
        while (block.find()) {
            String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.split("\n")) {
                String command = line.replaceAll("\\s+#.*$", "").trim();
                if (!command.isEmpty() && !command.startsWith("#")) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    @Test
    void theKafkaToolLinesRun() throws Exception {
        List<String> tools = commands().stream()
                .filter(c -> c.contains("-cp 'examples/target/lib/*' org.apache.kafka"))
                .toList();
        assertThat(tools).hasSizeGreaterThanOrEqualTo(4);
        for (String command : tools) {
            String output = run(command);
            if (command.contains("ConsoleConsumer")) {
                assertThat(output)
                        .contains(
                                "Partition:",
                                "ce_type:paperstream.paper.enriched.v1",
                                "arxiv:2401.00041",
                                "\tarxiv:2401.00042\tnull");
            } else if (command.contains("GetOffsetShell")) {
                assertThat(output).contains("papers.enriched:0:", "papers.enriched:2:");
            } else if (command.contains("TopicCommand")) {
                assertThat(output).contains("PartitionCount: 3", "cleanup.policy=compact");
            } else if (command.contains("ConsumerGroupCommand")) {
                assertThat(output).contains("paperstream-reader-mine", "NEW-OFFSET");
            }
        }
    }

    @Test
    void theReplicaConsumerLinesRun() throws Exception {
        List<String> lines = commands().stream()
                .filter(c -> c.startsWith("java -jar examples/target/paperstream-examples.jar")
                        && c.contains("--until-caught-up")
                        && !c.contains("--compare-api")
                        && !c.contains("--command-config"))
                .toList();
        List<String> all = commands().stream()
                .filter(c -> c.startsWith("java -jar examples/target/paperstream-examples.jar"))
                .toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        // the --compare-api line minus the API: the same consumer, dump included
        String compare = all.stream()
                .filter(c -> c.contains("--compare-api"))
                .findFirst()
                .orElseThrow()
                .replaceAll("--compare-api \\S+", "");
        List<String> runnable = new ArrayList<>(lines);
        runnable.add(compare);
        for (String command : runnable) {
            String output = run(command.replace(
                    "java -jar examples/target/paperstream-examples.jar",
                    "java -cp 'examples/target/classes" + File.pathSeparator
                            + "examples/target/lib/*' io.paperstream.examples.ReplicaConsumer"));
            assertThat(output).contains("caught up: 1 papers");
        }
        Path dump = ROOT.resolve("replica.ndjson");
        try {
            assertThat(Files.readAllLines(dump)).hasSize(1).first().asString().contains("\"id\":\"arxiv:2401.00041\"");
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    @Test
    void theKcatLinesRunWhereKcatIsInstalled() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v kcat").start().waitFor() == 0, "kcat is not installed");
        List<String> kcat = commands().stream()
                .filter(c -> c.startsWith("kcat -b $B") && !c.contains("-o end"))
                .toList();
        assertThat(kcat).hasSizeGreaterThanOrEqualTo(3);
        for (String command : kcat) {
            String output = run(command);
            assertThat(output).containsAnyOf("papers.enriched", "2");
        }
    }

    private static String run(String command) throws Exception {
        Path log = Files.createTempFile("guide-command", ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("B", broker.bootstrapServers());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean done = process.waitFor(90, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("finished: " + command + "\n" + output).isTrue();
        assertThat(process.exitValue())
                .as("exit status of: " + command + "\n" + output)
                .isZero();
        return output;
    }
}
