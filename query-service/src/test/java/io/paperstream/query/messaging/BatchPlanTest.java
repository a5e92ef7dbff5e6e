package io.paperstream.query.messaging;

import io.paperstream.query.Papers;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanTest {
    private static BatchPlan.Input in(String key, long revision, String title) {
        return new BatchPlan.Input(key, Papers.json(Papers.paper(key, revision, title, "abstract", LocalDate.now(),
                List.of(), List.of())), 0, revision);
    }

    @Test
    void keepsTheHighestRevisionPerIdWhateverTheOrder() {
        BatchPlan plan = BatchPlan.of(List.of(in("arxiv:2401.00001", 2, "new"), in("arxiv:2401.00001", 1, "old")));
        assertThat(plan.upserts()).singleElement().satisfies(p -> assertThat(p.paper().title()).isEqualTo("new"));
    }

    @Test
    void tombstoneAfterUpsertDeletesAndUpsertAfterTombstoneRecreates() {
        BatchPlan deleted = BatchPlan.of(List.of(in("arxiv:2401.00001", 1, "a"),
                new BatchPlan.Input("arxiv:2401.00001", null, 0, 2)));
        assertThat(deleted.upserts()).isEmpty();
        assertThat(deleted.deletes()).containsExactly("arxiv:2401.00001");

        BatchPlan recreated = BatchPlan.of(List.of(new BatchPlan.Input("arxiv:2401.00001", null, 0, 1),
                in("arxiv:2401.00001", 3, "b")));
        assertThat(recreated.deletes()).isEmpty();
        assertThat(recreated.upserts()).hasSize(1);
    }

    @Test
    void rejectsUnparseableSchemaViolatingAndMiskeyedRecordsWithAReason() {
        BatchPlan plan = BatchPlan.of(List.of(
                new BatchPlan.Input("arxiv:2401.00001", "{not json", 0, 1),
                new BatchPlan.Input("arxiv:2401.00002", "{\"id\":\"arxiv:2401.00002\"}", 0, 2),
                new BatchPlan.Input("not-an-id", "{}", 0, 3),
                new BatchPlan.Input("arxiv:2401.00009", in("arxiv:2401.00003", 1, "x").value(), 0, 4),
                in("arxiv:2401.00004", 1, "fine")));
        assertThat(plan.rejected()).extracting(BatchPlan.Rejected::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("not valid EnrichedPaper JSON"),
                r -> assertThat(r).startsWith("schema violation"),
                r -> assertThat(r).startsWith("record key is not a paper id"),
                r -> assertThat(r).contains("differs from the paper id"));
        assertThat(plan.upserts()).singleElement().satisfies(p -> assertThat(p.id()).isEqualTo("arxiv:2401.00004"));
    }
}
