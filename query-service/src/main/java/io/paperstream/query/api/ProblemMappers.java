package io.paperstream.query.api;

import io.paperstream.query.domain.BadParameterException;
import io.paperstream.query.store.DatabaseFailures;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Turns every error at the HTTP edge into problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "invalid parameter '" + e.parameter() + "': " + e.getMessage(),
                List.of(new Problem.FieldError(e.parameter(), e.getMessage()))).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return Problem.of(status, e.getMessage(), List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            Log.warnf("the database is unavailable: %s", e.getMessage());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "the database is unavailable; retry shortly", List.of()).toResponse())
                    .header("Retry-After", "5").build();
        }
        Log.error("unexpected error answering a query", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "the server failed to answer; see its log", List.of())
                .toResponse();
    }
}
