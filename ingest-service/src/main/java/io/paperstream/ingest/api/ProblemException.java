package io.paperstream.ingest.api;

import java.util.List;
import java.util.Map;

/** Ends a request with a problem+json response; carries the response headers it needs (Retry-After, WWW-Authenticate). */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.headers = headers;
    }

    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, null, null, null),
                Map.of());
    }

    public static ProblemException withErrors(int status, String slug, String title, String detail,
                                              List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + slug, title, status, detail, null, errors, null, null),
                Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
