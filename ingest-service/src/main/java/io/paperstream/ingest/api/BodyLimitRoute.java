package io.paperstream.ingest.api;

import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.format.Format;
import io.paperstream.kit.ContentLength;
import io.paperstream.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body whose Content-Length is over a limit with a problem+json 413 from the header alone, then closes the
 * connection after a short linger instead of reading the rest. It runs in front of Quarkus' own check
 * ({@code quarkus.http.limits.max-body-size}, whose answer is plain text) and applies the per-format limits of
 * {@code POST /api/v1/papers}. Bodies without a Content-Length are bounded while they are read.
 */
@ApplicationScoped
public class BodyLimitRoute {
    private final long serverLimit;
    private final long bodyLimit;
    private final long ndjsonLimit;

    public BodyLimitRoute(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            IngestConfig config) {
        this.serverLimit = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.bodyLimit = config.maxBodyBytes().asLongValue();
        this.ndjsonLimit = config.maxNdjsonBytes().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        long length = ContentLength.parse(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        long limit = limitFor(ctx);
        if (length > limit) {
            byte[] body =
                    Problems.tooLarge(limit).at(ctx.normalizedPath()).problem().toJson();
            ctx.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(body))
                    .onComplete(done -> Connections.lingerThenClose(ctx.vertx(), ctx.request()));
        } else {
            ctx.next();
        }
    }

    private long limitFor(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST || !ctx.normalizedPath().startsWith(ApiPaths.PAPERS)) {
            return serverLimit;
        }
        boolean ndjson = Format.NDJSON_TYPE.equals(Format.baseType(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)));
        return Math.min(serverLimit, ndjson ? ndjsonLimit : bodyLimit);
    }
}
