package io.paperstream.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paperstream.enrich.messaging.ResolverTopology;
import io.paperstream.events.PaperIds;
import io.paperstream.localstack.KafkaResource;
import io.paperstream.testsupport.Json;
import io.paperstream.testsupport.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The same papers from three sources at once — title-only digest records, arXiv records and Hugging Face records,
 * under different keys on different partitions of papers.raw, shuffled — with two resolver instances sharing the work:
 * every paper ends as one live key on papers.enriched (its arXiv id), its digest id tombstoned there and named on
 * papers.aliases.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class IdentityIT {
    static final int PAPERS = 40;

    static String record(String id, String format, String arxivId, String title, String abstractText) {
        Map<String, Object> json = new HashMap<>();
        json.put("id", id);
        json.put("revision", System.currentTimeMillis() * 1000);
        json.put("title", title);
        json.put("abstract", abstractText);
        json.put("source", Map.of("format", format));
        if (arxivId != null) {
            json.put("arxivId", arxivId);
        }
        return Json.write(json);
    }

    @Test
    void theSamePapersFromThreeSourcesAtOnceEndAsOnePaperEach() throws Exception {
        Properties props = new Properties();
        props.put(
                StreamsConfig.APPLICATION_ID_CONFIG,
                ConfigProvider.getConfig().getValue("quarkus.kafka-streams.application-id", String.class));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("second-resolver").toString());
        try (KafkaStreams second =
                new KafkaStreams(new ResolverTopology().topology(new SimpleMeterRegistry()), props)) {
            second.start();
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            Map<String, String> titleIds = new HashMap<>();
            for (int i = 0; i < PAPERS; i++) {
                String arxiv = "2602.%05d".formatted(i);
                String title = "Identity test paper number " + i + ": merging sources";
                String titleId = PaperIds.titleId(title).orElseThrow();
                titleIds.put("arxiv:" + arxiv, titleId);
                records.add(new ProducerRecord<>(
                        "papers.raw",
                        titleId,
                        record(
                                titleId,
                                "digest",
                                null,
                                title,
                                "Digest text of paper " + i + ", code at https://github.com/id/p" + i)));
                records.add(new ProducerRecord<>(
                        "papers.raw",
                        "arxiv:" + arxiv,
                        record("arxiv:" + arxiv, "atom", arxiv + "v1", title, "arXiv text of paper " + i)));
                records.add(new ProducerRecord<>(
                        "papers.raw",
                        "arxiv:" + arxiv,
                        record("arxiv:" + arxiv, "hf-daily", arxiv, title.toUpperCase(), "HF text of paper " + i)));
            }
            Collections.shuffle(records, new Random(7));
            TestKafka.send(records);

            Map<String, String> enriched = new HashMap<>();
            Map<String, String> aliases = new HashMap<>();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of("papers.enriched", "papers.aliases")) {
                    consumer.partitionsFor(topic)
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                await().atMost(Duration.ofSeconds(180))
                        .pollInterval(Duration.ofMillis(200))
                        .conditionEvaluationListener(c -> {
                            if (c.getElapsedTimeInMS() % 30_000 < 700) {
                                System.out.printf(
                                        "IdentityIT: %d enriched keys, %d aliases, %d complete; second "
                                                + "instance %s %s%n",
                                        enriched.size(),
                                        aliases.size(),
                                        titleIds.keySet().stream()
                                                .filter(k -> complete(enriched.get(k)))
                                                .count(),
                                        second.state(),
                                        second.metadataForLocalThreads());
                            }
                        })
                        .until(() -> {
                            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                                (r.topic().equals("papers.enriched") ? enriched : aliases).put(r.key(), r.value());
                            }
                            return titleIds.entrySet().stream()
                                    .allMatch(e -> complete(enriched.get(e.getKey()))
                                            // a digest record that came before its arXiv record was a paper of its own
                                            // for a
                                            // while: then it was tombstoned; one that came after never had a key of its
                                            // own
                                            && enriched.get(e.getValue()) == null
                                            && e.getKey().equals(canonicalOf(aliases.get(e.getValue()))));
                        });
            }
            Map<String, String> live = enriched.entrySet().stream()
                    .filter(e -> e.getValue() != null
                            && (titleIds.containsKey(e.getKey()) || titleIds.containsValue(e.getKey())))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(live.keySet()).containsExactlyInAnyOrderElementsOf(titleIds.keySet());
            JsonNode one = Json.read(live.get("arxiv:2602.00007"));
            assertThat(one.at("/paper/abstract").asText()).isEqualTo("arXiv text of paper 7");
            assertThat(one.at("/paper/aliases").toString()).contains(titleIds.get("arxiv:2602.00007"));
            assertThat(one.get("links").findValuesAsText("url")).contains("https://github.com/id/p7");
        }
    }

    /** All three sources merged; the digest's link comes along (from its text, kept as a source link). */
    private static boolean complete(String enrichedJson) {
        if (enrichedJson == null) {
            return false;
        }
        try {
            return Json.read(enrichedJson).at("/paper/sources").size() == 3;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String canonicalOf(String aliasJson) {
        if (aliasJson == null) {
            return null;
        }
        try {
            return Json.read(aliasJson).path("canonical").asText(null);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
