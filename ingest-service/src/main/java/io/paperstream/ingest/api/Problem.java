package io.paperstream.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 {@code application/problem+json} body: type, title, status, detail, and per-field {@code errors}
 * (with the record's index and location for batches). {@code published} says how many papers went out before a
 * request failed part-way; {@code records} gives every record's outcome when none was accepted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, Integer published, List<IngestResponse.RecordResult> records) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://paperstream.io/problems/";

    /** One problem with one field; {@code index}/{@code location} point at the record in a batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message, Integer index, String location) {
    }
}
