package io.paperstream.ingest.sources;

/** A source could not be read within the retries of one harvest step; the harvest resumes at its checkpoint later. */
public class SourceFailure extends RuntimeException {
    private final boolean logged;

    public SourceFailure(String message) {
        this(message, null, false);
    }

    public SourceFailure(String message, Throwable cause) {
        this(message, cause, false);
    }

    SourceFailure(String message, Throwable cause, boolean logged) {
        super(message, cause);
        this.logged = logged;
    }

    /** Whoever threw it already logged the cause. */
    public boolean logged() {
        return logged;
    }
}
