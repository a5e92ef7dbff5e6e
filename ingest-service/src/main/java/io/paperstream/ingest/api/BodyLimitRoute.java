package io.paperstream.ingest.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Answers a body announced larger than Quarkus' own limit ({@code quarkus.http.limits.max-body-size}) with a
 * problem+json 413, in front of Quarkus' plain-text one. Format limits below it are checked by the resource.
 */
@ApplicationScoped
public class BodyLimitRoute {
    private final Optional<MemorySize> limit;

    public BodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > max) {
                ProblemException problem = ProblemException.of(413, "body-too-large", "Request body too large",
                        "The body is larger than " + max + " bytes, the server's limit.");
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(Problems.json(problem.problem())));
            } else {
                ctx.next();
            }
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
