package io.paperstream.query.api;

import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemResponses;
import io.paperstream.problem.ProblemType;
import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.store.DatabaseFailures;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error at the HTTP edge into the one problem+json shape of http-problem ({@link Problem}). */
public class ProblemMappers {
    /** The Retry-After of a 503 for a database that did not answer. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.response(e.at(request.path()));
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, HttpServerRequest request) {
        return ProblemResponses.response(
                Problem.of(ProblemType.INVALID_PARAMETER)
                        .detail("invalid parameter '" + e.parameter() + "': " + e.getMessage())
                        .instance(request.path())
                        .error(e.parameter(), e.code(), e.getMessage())
                        .build(),
                Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse(); // a redirect or the like, not an error
        }
        Problem problem = Problem.ofStatus(status)
                .detail(e.getMessage())
                .instance(request.path())
                .build();
        Response.ResponseBuilder builder = Response.fromResponse(ProblemResponses.response(problem, Map.of()));
        if (e instanceof NotAllowedException) {
            builder.allow(e.getResponse().getAllowedMethods());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            Log.warnf("the database is unavailable: %s", e.getMessage());
            String detail = e instanceof ReadTimedOutException
                    ? e.getMessage() + "; retry after " + DATABASE_RETRY_AFTER_SECONDS + " s"
                    : "the database is unavailable; retry after " + DATABASE_RETRY_AFTER_SECONDS + " s";
            return ProblemResponses.unavailable(
                    Problem.of(ProblemType.DATABASE_UNAVAILABLE)
                            .detail(detail)
                            .instance(request.path())
                            .build(),
                    DATABASE_RETRY_AFTER_SECONDS);
        }
        Log.error("unexpected error answering a query", e);
        return ProblemResponses.response(
                Problem.of(ProblemType.INTERNAL_ERROR)
                        .detail("the server failed to answer; see its log")
                        .instance(request.path())
                        .build(),
                Map.of());
    }
}
