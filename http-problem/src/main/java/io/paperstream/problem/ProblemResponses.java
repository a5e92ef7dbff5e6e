package io.paperstream.problem;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A problem as a JAX-RS response: its status, {@code application/problem+json}, its JSON and the given headers. */
public final class ProblemResponses {
    private ProblemResponses() {}

    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson());
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(ProblemException e) {
        return response(e.problem(), e.headers());
    }

    /** The answer of a {@code 503} that the client should retry after this many seconds. */
    public static Response unavailable(Problem problem, long retryAfterSeconds) {
        return response(problem, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
