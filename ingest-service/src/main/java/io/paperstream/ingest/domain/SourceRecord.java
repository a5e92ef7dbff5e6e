package io.paperstream.ingest.domain;

import java.util.List;

/**
 * One record read from a request body: its position ({@code index} from 0, and a human {@code location} such as
 * "line 17" or "$[3]"), the paper it holds, and the problems found while reading it (then {@code input} may be null).
 */
public record SourceRecord(int index, String location, PaperInput input, List<Violation> readErrors) {

    public SourceRecord {
        readErrors = readErrors == null ? List.of() : List.copyOf(readErrors);
    }

    public static SourceRecord ok(int index, String location, PaperInput input) {
        return new SourceRecord(index, location, input, List.of());
    }

    public static SourceRecord unreadable(int index, String location, Violation error) {
        return new SourceRecord(index, location, null, List.of(error));
    }

    public boolean readable() {
        return input != null && readErrors.isEmpty();
    }
}
