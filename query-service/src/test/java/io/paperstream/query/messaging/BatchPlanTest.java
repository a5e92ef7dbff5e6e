package io.paperstream.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.query.Papers;
import io.paperstream.query.store.PaperUpsert;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    private static final String ID = "arxiv:2401.00001";

    private static BatchPlan.Input in(String key, long revision, String title) {
        return new BatchPlan.Input(
                key,
                Papers.json(Papers.paper(key, revision, title, "abstract", LocalDate.now(), List.of(), List.of())),
                0,
                revision);
    }

    private static BatchPlan.Input tombstone(String key) {
        return new BatchPlan.Input(key, null, 0, 99);
    }

    private static String title(PaperUpsert u) {
        return u.paper().paper().title();
    }

    @Test
    void keepsTheHighestRevisionPerIdWhateverTheOrder() {
        BatchPlan plan = BatchPlan.of(List.of(in(ID, 2, "new"), in(ID, 1, "old")));
        assertThat(plan.upserts())
                .singleElement()
                .satisfies(u -> assertThat(title(u)).isEqualTo("new"));
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void anEqualRevisionLaterInTheBatchWins() {
        BatchPlan plan = BatchPlan.of(List.of(in(ID, 2, "first"), in(ID, 2, "replayed")));
        assertThat(plan.upserts())
                .singleElement()
                .satisfies(u -> assertThat(title(u)).isEqualTo("replayed"));
    }

    @Test
    void keepsTheRecordTextAsConsumed() {
        BatchPlan.Input input = in(ID, 1, "as consumed");
        assertThat(BatchPlan.of(List.of(input)).upserts())
                .singleElement()
                .satisfies(u -> assertThat(u.json()).isEqualTo(input.value()));
    }

    @Test
    void aTombstoneAfterAnUpsertOnlyDeletes() {
        BatchPlan plan = BatchPlan.of(List.of(in(ID, 1, "a"), tombstone(ID)));
        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.deletes()).containsExactly(ID);
    }

    @Test
    void anUpsertAfterATombstoneDeletesFirstThenRecreatesEvenWithALowerRevision() {
        // the stored row may carry a higher revision than the recreated paper: it must go before the upsert
        BatchPlan plan = BatchPlan.of(List.of(in(ID, 5, "before"), tombstone(ID), in(ID, 1, "recreated")));
        assertThat(plan.deletes()).containsExactly(ID);
        assertThat(plan.upserts())
                .singleElement()
                .satisfies(u -> assertThat(title(u)).isEqualTo("recreated"));
    }

    @Test
    void rejectsUnparseableSchemaViolatingMiskeyedAndUnstorableRecordsWithAReason() {
        BatchPlan plan = BatchPlan.of(List.of(
                new BatchPlan.Input("arxiv:2401.00001", "{not json", 0, 1),
                new BatchPlan.Input("arxiv:2401.00002", "{\"id\":\"arxiv:2401.00002\"}", 0, 2),
                new BatchPlan.Input("not-an-id", "{}", 0, 3),
                new BatchPlan.Input(
                        "arxiv:2401.00009", in("arxiv:2401.00003", 1, "x").value(), 0, 4),
                new BatchPlan.Input(
                        "arxiv:2401.00005", in("arxiv:2401.00005", 1, "x").value() + " {}", 0, 5),
                in("arxiv:2401.00006", 1, "NUL \u0000 inside"),
                in("arxiv:2401.00004", 1, "fine")));
        assertThat(plan.rejected())
                .extracting(BatchPlan.Rejected::reason)
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("value is not JSON"),
                        r -> assertThat(r).startsWith("value violates the EnrichedPaper v1 schema"),
                        r -> assertThat(r).startsWith("record key is not a paper id"),
                        r -> assertThat(r).contains("differs from the paper id"),
                        r -> assertThat(r).startsWith("value is not JSON"),
                        r -> assertThat(r).contains("NUL character"));
        assertThat(plan.rejected()).extracting(BatchPlan.Rejected::offset).containsExactly(1L, 2L, 3L, 4L, 5L, 1L);
        assertThat(plan.upserts())
                .singleElement()
                .satisfies(u -> assertThat(u.paper().id()).isEqualTo("arxiv:2401.00004"));
    }

    @Test
    void tellsAnEscapedNulFromAnEscapedBackslashFollowedByU0000() {
        assertThat(BatchPlan.hasNulEscape("{\"t\":\"a\\u0000b\"}")).isTrue();
        assertThat(BatchPlan.hasNulEscape("{\"t\":\"a\\\\\\u0000b\"}")).isTrue();
        assertThat(BatchPlan.hasNulEscape("{\"t\":\"a\\\\u0000b\"}")).isFalse();
        assertThat(BatchPlan.hasNulEscape("{\"t\":\"u0000\"}")).isFalse();
    }
}
