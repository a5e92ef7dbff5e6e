package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.paperstream.testsupport.TopicMark;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken inputs ({@link BadInputs}): each is refused with the right status as problem+json, and none of
 * them puts anything on papers.raw (end offsets do not move; consuming from before the corpus finds only the
 * sentinel posted after it).
 */
@IngestIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT {
    private static TopicMark beforeCorpus;

    @BeforeAll
    static void mark() {
        beforeCorpus = RawTopic.mark();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.paperstream.ingest.it.BadInputs#all")
    void isRefusedAndPublishesNothing(BadInputs.Case bad) {
        TopicMark before = RawTopic.mark();
        long start = System.nanoTime();
        bad.send()
                .then()
                .statusCode(bad.status())
                .contentType("application/problem+json")
                .body("status", equalTo(bad.status()))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(before.written()).as("records written by " + bad.name()).isZero();
    }

    @Order(2)
    @Test
    void onlyTheSentinelFollowsTheCorpusOnTheTopic() {
        assertThat(BadInputs.all()).hasSizeGreaterThanOrEqualTo(30);
        String id = Api.json()
                .body(Api.paper("Sentinel after the bad-input corpus " + UUID.randomUUID()))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .extract()
                .path("ids[0]");
        List<ConsumerRecord<String, String>> records = beforeCorpus.awaitRecords(1);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(id);
        assertThat(beforeCorpus.written()).isEqualTo(1);
    }
}
