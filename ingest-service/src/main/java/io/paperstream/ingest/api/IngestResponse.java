package io.paperstream.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paperstream.ingest.domain.BatchResult;
import io.paperstream.ingest.domain.RecordOutcome;
import io.paperstream.ingest.domain.format.DigestDate;
import io.paperstream.problem.Problem;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The 202 answer of {@code POST /api/v1/papers}: counts, the ids published (distinct, in input order), the digest's
 * date and where it came from, and every record's outcome (index, id, accepted | duplicate-in-batch | rejected + why).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResponse(
        String format,
        int received,
        int accepted,
        int duplicates,
        int rejected,
        int published,
        List<String> ids,
        DigestInfo digest,
        List<RecordResult> records) {

    /** The date given to the papers of a digest and its origin: date-parameter, date-line, date-line-inferred-year, none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DigestInfo(LocalDate date, String dateSource, String dateLine) {}

    /** One input record's outcome. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RecordResult(
            int index, String location, String id, String status, String reason, List<Problem.FieldError> errors) {}

    public static IngestResponse of(String format, BatchResult result, DigestDate digestDate) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        result.records().stream()
                .filter(r -> r.id() != null && r.status() != RecordOutcome.Status.REJECTED)
                .forEach(r -> ids.add(r.id()));
        DigestInfo digest = digestDate == null
                ? null
                : new DigestInfo(digestDate.date(), digestDate.source(), digestDate.dateLine());
        return new IngestResponse(
                format,
                result.records().size(),
                (int) result.count(RecordOutcome.Status.ACCEPTED),
                (int) result.count(RecordOutcome.Status.DUPLICATE),
                (int) result.count(RecordOutcome.Status.REJECTED),
                result.published(),
                List.copyOf(ids),
                digest,
                result.records().stream().map(IngestResponse::result).toList());
    }

    static RecordResult result(RecordOutcome r) {
        List<Problem.FieldError> errors = r.errors().stream()
                .map(v -> new Problem.FieldError(v.field(), v.code(), v.message(), null, null))
                .toList();
        String reason = r.errors().isEmpty()
                ? null
                : String.join("; ", r.errors().stream().map(v -> v.message()).toList());
        return new RecordResult(r.index(), r.location(), r.id(), r.status().label(), reason, errors);
    }
}
