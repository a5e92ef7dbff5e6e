package io.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.events.RawPaper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request's records: outcomes, duplicates, chunked publishing and part-way failures. */
class BatchIngestorTest {
    private static final String ABSTRACT = "An abstract long enough to be accepted.";
    private static final RawPaper.Source SOURCE = new RawPaper.Source("json", "test");
    private final BatchIngestor ingestor =
            new BatchIngestor(new PaperValidator(PaperLimits.DEFAULTS), new RevisionClock(Clock.systemUTC()), 2);

    private static SourceRecord ok(int index, String title) {
        return SourceRecord.ok(index, "$[" + index + "]", PaperInput.of(title, ABSTRACT));
    }

    @Test
    void publishesInChunksAndReportsEveryRecord() {
        List<List<RawPaper>> chunks = new ArrayList<>();
        List<SourceRecord> records = List.of(
                ok(0, "First"),
                ok(1, "Second"),
                ok(2, "No abstract"),
                SourceRecord.unreadable(3, "line 4", Violation.of("$", "malformed-json", "bad")),
                ok(4, "first"),
                ok(5, "Third"));
        records = new ArrayList<>(records);
        records.set(2, SourceRecord.ok(2, "$[2]", PaperInput.of("No abstract", null)));

        BatchResult result = ingestor.ingest(records.iterator(), chunk -> chunks.add(List.copyOf(chunk)), SOURCE);

        assertThat(result.records())
                .extracting(RecordOutcome::status)
                .containsExactly(
                        RecordOutcome.Status.ACCEPTED,
                        RecordOutcome.Status.ACCEPTED,
                        RecordOutcome.Status.REJECTED,
                        RecordOutcome.Status.REJECTED,
                        RecordOutcome.Status.DUPLICATE,
                        RecordOutcome.Status.ACCEPTED);
        assertThat(result.records().get(2).reasonCode()).isEqualTo("abstract.missing");
        assertThat(result.published()).isEqualTo(4);
        assertThat(chunks).extracting(List::size).containsExactly(2, 2);
        List<RawPaper> all = chunks.stream().flatMap(List::stream).toList();
        assertThat(all).allMatch(p -> p.source().equals(SOURCE) && p.ingestedAt() != null);
        assertThat(all.get(2).id()).isEqualTo(all.get(0).id());
        assertThat(all.get(2).revision()).isGreaterThan(all.get(0).revision());
    }

    @Test
    void aSinkFailureSaysHowManyWereAlreadyPublished() {
        List<SourceRecord> records = List.of(ok(0, "One"), ok(1, "Two"), ok(2, "Three"));
        int[] calls = {0};
        PaperSink failingSecond = chunk -> {
            if (++calls[0] == 2) {
                throw new PublishFailedException("down", null);
            }
        };
        assertThatThrownBy(() -> ingestor.ingest(records.iterator(), failingSecond, SOURCE))
                .isInstanceOfSatisfying(IngestAbortedException.class, e -> {
                    assertThat(e.published()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(PublishFailedException.class);
                });
    }

    @Test
    void nothingValidPublishesNothing() {
        List<List<RawPaper>> chunks = new ArrayList<>();
        BatchResult result = ingestor.ingest(
                List.of(SourceRecord.ok(0, "$", PaperInput.of(null, null))).iterator(), chunks::add, SOURCE);
        assertThat(result.nothingAccepted()).isTrue();
        assertThat(chunks).isEmpty();
    }
}
