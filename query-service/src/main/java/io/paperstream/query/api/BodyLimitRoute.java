package io.paperstream.query.api;

import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body whose Content-Length is over {@code quarkus.http.limits.max-body-size} with the one problem shape
 * (413, then the connection is closed), from the header alone, in front of Quarkus' own check, whose answer has no
 * body. The only body this API takes is {@code POST /api/v1/papers/batch} (at most 500 ids).
 */
@ApplicationScoped
public class BodyLimitRoute {
    private final long limit;

    public BodyLimitRoute(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > limit) {
            byte[] body = Problem.of(ProblemType.BODY_TOO_LARGE)
                    .detail("The body is larger than " + limit + " bytes, the limit of this API.")
                    .instance(ctx.normalizedPath())
                    .build()
                    .toJson();
            ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(body))
                    .onComplete(done -> ctx.request().connection().close());
        } else {
            ctx.next();
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
