package io.paperstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.localstack.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica consumer against a real broker (local-stack, KRaft, in this JVM): records written as enrich-service
 * writes them, including duplicates, stale revisions, re-enrichments, tombstones and records that are not papers.
 */
class ReplicaConsumerIT {
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String topic(String name) {
        broker.createTopic(name, 3, Map.of("cleanup.policy", "compact"));
        return name;
    }

    @Test
    void fromTheBeginningTheReplicaHoldsTheLatestVersionOfEveryPaper(@TempDir Path dir) throws Exception {
        String topic = topic("papers.enriched.replica-test");
        try (Records records = new Records(broker, topic)) {
            records.send("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 1, "First", "t1"));
            records.send("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 2, "First, revised", "t1"));
            records.send(
                    "arxiv:2401.00001", Records.paper("arxiv:2401.00001", 1, "First", "t1")); // redelivered old version
            records.send("doi:10.1234/b", Records.paper("doi:10.1234/b", 5, "Second", "t1"));
            records.send("doi:10.1234/b", null); // deleted
            records.send("title:0123456789abcdef", Records.paper("title:0123456789abcdef", 3, "Third", "old-tag"));
            records.send(
                    "title:0123456789abcdef",
                    Records.paper("title:0123456789abcdef", 3, "Third", "new-tag")); // re-enriched
            records.send("arxiv:2401.00004", null); // never seen
            records.send("arxiv:2401.00005", "{not json");
            records.send("arxiv:2401.00006", Records.paper("arxiv:2401.00007", 1, "Wrong key", "t"));
            records.send("doi:10.1234/b", Records.paper("doi:10.1234/b", 6, "Second, again", "t1")); // recreated
        }
        Path dump = dir.resolve("replica.ndjson");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PaperReplica replica;
        try (ReplicaConsumer consumer = new ReplicaConsumer(
                ReplicaConsumer.parse(new String[] {
                    "--bootstrap-server",
                    broker.bootstrapServers(),
                    "--topic",
                    topic,
                    "--from",
                    "beginning",
                    "--until-caught-up",
                    "--dump",
                    dump.toString()
                }),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            replica = consumer.run();
        }
        assertThat(replica.papers()).containsOnlyKeys("arxiv:2401.00001", "doi:10.1234/b", "title:0123456789abcdef");
        assertThat(replica.papers().get("arxiv:2401.00001").at("/revision").asLong())
                .isEqualTo(2);
        assertThat(replica.papers().get("arxiv:2401.00001").at("/paper/title").asText())
                .isEqualTo("First, revised");
        assertThat(replica.papers().get("doi:10.1234/b").at("/paper/title").asText())
                .isEqualTo("Second, again");
        assertThat(replica.papers()
                        .get("title:0123456789abcdef")
                        .at("/tags/0/name")
                        .asText())
                .isEqualTo("new-tag");

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains(
                        "ADDED   arxiv:2401.00001 r1 First",
                        "UPDATED arxiv:2401.00001 r1 -> r2",
                        "STALE   arxiv:2401.00001 r1 < stored r2, ignored",
                        "DELETED doi:10.1234/b",
                        "UPDATED title:0123456789abcdef r3 -> r3",
                        "ABSENT  arxiv:2401.00004",
                        "INVALID arxiv:2401.00005 not JSON",
                        "INVALID arxiv:2401.00006 key differs from the paper id arxiv:2401.00007",
                        "caught up: 3 papers",
                        "paperstream.paper.enriched.v1=11",
                        "wrote 3 papers to " + dump);
        List<String> lines = Files.readAllLines(dump);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"id\":\"arxiv:2401.00001\",\"revision\":2,");
    }

    @Test
    void fromNowOnlyLaterRecordsArrive() throws Exception {
        String topic = topic("papers.enriched.from-now-test");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Records records = new Records(broker, topic)) {
            records.send("arxiv:2401.00010", Records.paper("arxiv:2401.00010", 1, "Before", "t"));
            try (ReplicaConsumer consumer = new ReplicaConsumer(
                    ReplicaConsumer.parse(new String[] {
                        "--bootstrap-server", broker.bootstrapServers(), "--topic", topic, "--from", "now"
                    }),
                    new PrintStream(printed, true, StandardCharsets.UTF_8))) {
                CompletableFuture<PaperReplica> running = CompletableFuture.supplyAsync(consumer::run);
                awaitOutput(printed, "caught up: 0 papers");
                records.send("arxiv:2401.00011", Records.paper("arxiv:2401.00011", 1, "After", "t"));
                awaitOutput(printed, "ADDED   arxiv:2401.00011 r1 After");
                consumer.stop();
                assertThat(running.get(30, TimeUnit.SECONDS).papers()).containsOnlyKeys("arxiv:2401.00011");
            }
        }
    }

    @Test
    void inAGroupASecondRunContinuesWhereTheFirstCommitted() throws Exception {
        String topic = topic("papers.enriched.group-test");
        try (Records records = new Records(broker, topic)) {
            records.send("arxiv:2401.00020", Records.paper("arxiv:2401.00020", 1, "One", "t"));
            assertThat(runInGroup(topic).papers()).containsOnlyKeys("arxiv:2401.00020");
            records.send("arxiv:2401.00021", Records.paper("arxiv:2401.00021", 1, "Two", "t"));
            assertThat(runInGroup(topic).papers())
                    .as("only what came after the first run's commit")
                    .containsOnlyKeys("arxiv:2401.00021");
        }
    }

    @Test
    void withTheAliasesTopicAPaperIsFoundByAnyOfItsIds() throws Exception {
        String papers = topic("papers.enriched.alias-test");
        String aliasTopic = topic("papers.aliases.alias-test");
        try (Records records = new Records(broker, papers);
                Records aliasRecords = new Records(broker, aliasTopic)) {
            records.send("arxiv:2409.04828", Records.paper("arxiv:2409.04828", 2, "Merged", "t"));
            records.send("title:0123456789abcdef", null); // merged away
            String type = io.paperstream.events.Topics.ALIAS_TYPE;
            aliasRecords.send(
                    "title:0123456789abcdef",
                    "{\"alias\":\"title:0123456789abcdef\",\"canonical\":\"arxiv:2409.04828\"}",
                    type);
            aliasRecords.send(
                    "doi:10.48550/arxiv.2409.04828",
                    "{\"alias\":\"doi:10.48550/arxiv.2409.04828\",\"canonical\":\"arxiv:2409.04828\"}",
                    type);
            aliasRecords.send(
                    "doi:10.1/gone", "{\"alias\":\"doi:10.1/gone\",\"canonical\":\"arxiv:2409.04828\"}", type);
            aliasRecords.send("doi:10.1/gone", null, type);
            aliasRecords.send(
                    "doi:10.1/wrong", "{\"alias\":\"doi:10.1/other\",\"canonical\":\"arxiv:2409.04828\"}", type);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ReplicaConsumer consumer = new ReplicaConsumer(
                ReplicaConsumer.parse(new String[] {
                    "--bootstrap-server",
                    broker.bootstrapServers(),
                    "--topic",
                    papers,
                    "--aliases-topic",
                    aliasTopic,
                    "--until-caught-up"
                }),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            PaperReplica replica = consumer.run();
            AliasMap aliases = consumer.aliases();
            assertThat(aliases.aliases()).containsOnlyKeys("title:0123456789abcdef", "doi:10.48550/arxiv.2409.04828");
            for (String id : List.of("arxiv:2409.04828", "title:0123456789abcdef", "doi:10.48550/arxiv.2409.04828")) {
                assertThat(aliases.resolve(id, replica)).as(id).isNotNull();
                assertThat(aliases.resolve(id, replica).at("/paper/title").asText())
                        .as(id)
                        .isEqualTo("Merged");
            }
            assertThat(aliases.resolve("doi:10.1/gone", replica)).isNull();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(
                        "ALIAS   title:0123456789abcdef -> arxiv:2409.04828", "UNALIAS doi:10.1/gone",
                        "INVALID alias record doi:10.1/wrong", "caught up: 1 papers, 2 aliases");
    }

    private static PaperReplica runInGroup(String topic) {
        try (ReplicaConsumer consumer = new ReplicaConsumer(
                ReplicaConsumer.parse(new String[] {
                    "--bootstrap-server",
                    broker.bootstrapServers(),
                    "--topic",
                    topic,
                    "--group",
                    "paperstream-reader-it",
                    "--until-caught-up",
                    "--quiet"
                }),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            return consumer.run();
        }
    }

    private static void awaitOutput(ByteArrayOutputStream printed, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!printed.toString(StandardCharsets.UTF_8).contains(expected)) {
            assertThat(System.nanoTime())
                    .as("waiting for '" + expected + "' in:\n" + printed)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
