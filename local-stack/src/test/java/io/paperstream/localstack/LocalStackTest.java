package io.paperstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The local stack really is a Kafka broker and a PostgreSQL server: a record round-trips, SQL runs, both restart. */
class LocalStackTest {

    @Test
    void kafkaRoundTripSurvivesARestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start()) {
            broker.createTopic("t", 1, Map.of());
            produce(broker, "before");
            broker.pause();
            assertThat(Ports.isOpen(broker.port())).isFalse();
            broker.resume();
            produce(broker, "after");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "g",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                List<String> values = new java.util.ArrayList<>();
                long deadline = System.currentTimeMillis() + 30_000;
                while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    records.forEach(r -> values.add(r.value()));
                }
                assertThat(values).containsExactly("before", "after");
            }
        }
    }

    private static void produce(KafkaBroker broker, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("t", "k", value)).get();
        }
    }

    @Test
    void postgresRunsSqlAndKeepsDataAcrossARestart() throws Exception {
        try (Postgres pg = Postgres.start()) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE t (v text)");
                c.createStatement().execute("INSERT INTO t VALUES ('kept')");
            }
            pg.pause();
            assertThat(Ports.isOpen(pg.port())).isFalse();
            pg.resume();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), Postgres.USER, Postgres.PASSWORD);
                    ResultSet rs = c.createStatement().executeQuery("SELECT v, version() FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }
}
