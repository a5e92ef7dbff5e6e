package io.paperstream.ingest.domain;

/** One thing wrong with one field of one input record: a stable {@code code} for machines, a message for people. */
public record Violation(String field, String code, String message) {

    public static Violation of(String field, String code, String message) {
        return new Violation(field, code, message);
    }
}
