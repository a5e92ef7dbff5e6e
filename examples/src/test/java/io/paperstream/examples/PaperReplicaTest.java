package io.paperstream.examples;

import static io.paperstream.examples.PaperReplica.Change.ABSENT;
import static io.paperstream.examples.PaperReplica.Change.ADDED;
import static io.paperstream.examples.PaperReplica.Change.DELETED;
import static io.paperstream.examples.PaperReplica.Change.INVALID;
import static io.paperstream.examples.PaperReplica.Change.STALE;
import static io.paperstream.examples.PaperReplica.Change.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replica rules, record by record. */
class PaperReplicaTest {
    private final PaperReplica replica = new PaperReplica();

    @Test
    void higherOrEqualRevisionReplacesLowerIsIgnored() {
        assertThat(replica.apply("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 10, "A", "t1"))
                        .change())
                .isEqualTo(ADDED);
        assertThat(replica.apply("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 9, "A old", "t1"))
                        .change())
                .isEqualTo(STALE);
        assertThat(replica.apply("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 10, "A", "t2"))
                        .change())
                .as("the same version enriched again")
                .isEqualTo(UPDATED);
        assertThat(replica.apply("arxiv:2401.00001", Records.paper("arxiv:2401.00001", 11, "A new", "t2"))
                        .change())
                .isEqualTo(UPDATED);
        assertThat(replica.papers().get("arxiv:2401.00001").at("/paper/title").asText())
                .isEqualTo("A new");
        assertThat(replica.papers().get("arxiv:2401.00001").at("/revision").asLong())
                .isEqualTo(11);
    }

    @Test
    void tombstoneDeletesAndALaterRecordRecreates() {
        replica.apply("doi:10.1/x", Records.paper("doi:10.1/x", 5, "X", "t"));
        assertThat(replica.apply("doi:10.1/x", null).change()).isEqualTo(DELETED);
        assertThat(replica.papers()).isEmpty();
        assertThat(replica.apply("doi:10.1/x", null).change()).isEqualTo(ABSENT);
        assertThat(replica.apply("doi:10.1/x", Records.paper("doi:10.1/x", 3, "X again", "t"))
                        .change())
                .isEqualTo(ADDED);
        assertThat(replica.size()).isEqualTo(1);
    }

    @Test
    void recordsThatAreNotPapersOfTheirKeyAreSkipped() {
        assertThat(replica.apply("arxiv:2401.00002", "not json").change()).isEqualTo(INVALID);
        assertThat(replica.apply("arxiv:2401.00002", "[1]").change()).isEqualTo(INVALID);
        assertThat(replica.apply("arxiv:2401.00002", "{\"id\":\"arxiv:2401.00002\",\"revision\":\"7\"}")
                        .change())
                .isEqualTo(INVALID);
        assertThat(replica.apply("arxiv:2401.00002", Records.paper("arxiv:2401.00003", 1, "other", "t"))
                        .change())
                .isEqualTo(INVALID);
        assertThat(replica.apply(null, Records.paper("arxiv:2401.00003", 1, "other", "t"))
                        .change())
                .isEqualTo(INVALID);
        assertThat(replica.papers()).isEmpty();
    }
}
