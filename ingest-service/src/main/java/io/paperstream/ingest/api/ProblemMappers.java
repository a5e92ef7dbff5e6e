package io.paperstream.ingest.api;

import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemResponses;
import io.paperstream.problem.ProblemType;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the HTTP API, ours and the framework's (404, 405, 415, ...), as application/problem+json. */
public class ProblemMappers {
    private final int retryAfterSeconds;
    private final Vertx vertx;

    public ProblemMappers(IngestConfig config, Vertx vertx) {
        this.retryAfterSeconds = config.retryAfterSeconds();
        this.vertx = vertx;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        if ("close".equals(e.headers().get("Connection"))) {
            // e.g. 413 while streaming: the rest of the body is not wanted, so do not read it to keep the connection.
            request.response().endHandler(done -> Connections.lingerThenClose(vertx, request));
        }
        return ProblemResponses.response(e.at(request.path()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String detail;
        if (e instanceof NotFoundException) {
            detail = "There is no resource at " + uri.getPath() + ". The API is under /api/v1/papers; see /q/openapi.";
        } else if (e instanceof NotAllowedException) {
            detail = "This method is not allowed here; allowed: "
                    + e.getResponse().getAllowedMethods() + ".";
        } else if (e instanceof NotSupportedException) {
            detail = "Content-Type " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE) + " is not supported. Use "
                    + "application/json, application/x-ndjson, text/plain (daily digest) or application/atom+xml.";
        } else {
            detail = e.getMessage();
        }
        Problem problem =
                Problem.ofStatus(status).detail(detail).instance(uri.getPath()).build();
        Response.ResponseBuilder builder =
                Response.fromResponse(ProblemResponses.response(problem, java.util.Map.of()));
        if (e instanceof NotAllowedException) {
            builder.allow(e.getResponse().getAllowedMethods());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        ProblemException known = Problems.from(e, retryAfterSeconds);
        if (known != null) {
            return problem(known, request);
        }
        Log.errorf(e, "Unexpected failure of a request");
        return ProblemResponses.response(
                Problem.of(ProblemType.INTERNAL_ERROR)
                        .instance(request.path())
                        .detail(
                                "The request failed unexpectedly; the failure is logged. Nothing is known to have been published.")
                        .build(),
                java.util.Map.of());
    }
}
