package io.paperstream.ingest.domain.format;

/** The body cannot be read as its format at all (malformed JSON or XML, invalid UTF-8, forbidden DTD, ...). */
public class UnreadableBodyException extends RuntimeException {
    private final String location;

    public UnreadableBodyException(String message, String location) {
        super(message);
        this.location = location;
    }

    public UnreadableBodyException(String message, String location, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** Where in the body, e.g. "line 3, column 17"; null when unknown. */
    public String location() {
        return location;
    }
}
