package io.paperstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison of a replica with the query API's ids and revisions. */
class ApiComparisonTest {
    @Test
    void agreesOnlyOnTheSameIdsWithTheSameRevisions() {
        PaperReplica replica = new PaperReplica();
        replica.apply("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 2, "A", "t"));
        replica.apply("arxiv:2401.00002", Records.paper("arxiv:2401.00002", 5, "B", "t"));
        assertThat(ApiComparison.differences(replica.papers(), Map.of("arxiv:2401.00001", 2L, "arxiv:2401.00002", 5L)))
                .isEmpty();
        assertThat(ApiComparison.differences(replica.papers(), Map.of("arxiv:2401.00001", 3L, "arxiv:2401.00003", 1L)))
                .containsExactly(
                        "arxiv:2401.00001: replica r2, API r3",
                        "arxiv:2401.00002: in the replica (r5), not in the API",
                        "arxiv:2401.00003: in the API (r1), not in the replica");
    }
}
