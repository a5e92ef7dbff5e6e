package io.paperstream.problem;

import java.util.Map;

/** Ends a request with a problem; carries the response headers it needs (Retry-After, WWW-Authenticate, Connection). */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The same problem with the request's path as its {@code instance} (kept when it has one). */
    public ProblemException at(String path) {
        if (problem.instance() != null || path == null) {
            return this;
        }
        ProblemException located =
                new ProblemException(problem.toBuilder().instance(path).build(), headers);
        located.setStackTrace(getStackTrace());
        return located;
    }
}
