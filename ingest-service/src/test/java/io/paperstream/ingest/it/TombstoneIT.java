package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.events.CloudEvents;
import io.paperstream.events.Topics;
import io.paperstream.testsupport.TopicMark;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** DELETE /api/v1/papers/{id}: a tombstone (key, null value) on papers.raw; ids are validated. */
@IngestIT
class TombstoneIT {

    @Test
    void deletePublishesATombstone() {
        TopicMark mark = RawTopic.mark();
        Api.authorized()
                .delete(Api.PAPERS + "/arxiv:2409.04828")
                .then()
                .statusCode(202)
                .body("id", equalTo("arxiv:2409.04828"))
                .body("tombstone", equalTo(true));
        ConsumerRecord<String, String> record = mark.awaitRecords(1).get(0);
        assertThat(record.key()).isEqualTo("arxiv:2409.04828");
        assertThat(record.value()).isNull();
        assertThat(KafkaCompanion.getHeader(record.headers(), CloudEvents.TYPE)).isEqualTo(Topics.RAW_TYPE);
    }

    @Test
    void doiIdsWithSlashesCanBeDeleted() {
        TopicMark mark = RawTopic.mark();
        Api.authorized()
                .delete(Api.PAPERS + "/doi:10.1000/xyz.123")
                .then()
                .statusCode(202)
                .body("id", equalTo("doi:10.1000/xyz.123"));
        assertThat(mark.awaitRecords(1).get(0).key()).isEqualTo("doi:10.1000/xyz.123");
    }

    @Test
    void malformedIdsAre400AndPublishNothing() {
        TopicMark mark = RawTopic.mark();
        for (String id : new String[] {"arxiv:2409.04828v2", "title:XYZ", "hello", "doi:10.1000/ABC", "arxiv:"}) {
            Api.authorized()
                    .delete(Api.PAPERS + "/" + id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("id"));
        }
        assertThat(mark.written()).isZero();
    }
}
