package io.paperstream.ingest.domain;

import java.util.List;

/** What happened to one input record of a request. {@code id} is null when the record was rejected before an id. */
public record RecordOutcome(int index, String location, String id, Status status, List<Violation> errors) {

    /** accepted: published; duplicate-in-batch: same id as an earlier record of the request, published as a later revision; rejected: not published. */
    public enum Status {
        ACCEPTED("accepted"),
        DUPLICATE("duplicate-in-batch"),
        REJECTED("rejected");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The code of the first problem, e.g. {@code title.missing}: a bounded value, fit for a metric tag. */
    public String reasonCode() {
        return errors.isEmpty()
                ? "none"
                : errors.get(0).field().replaceAll("\\[\\d+]", "") + "."
                        + errors.get(0).code();
    }
}
