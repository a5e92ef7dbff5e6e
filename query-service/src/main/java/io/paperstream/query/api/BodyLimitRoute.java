package io.paperstream.query.api;

import io.paperstream.kit.ContentLength;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limit {@code quarkus.http.limits.max-body-size} answered with the one problem shape (413, then the connection is
 * closed) instead of Quarkus' bare 413 without a body. The only body this API takes is {@code POST
 * /api/v1/papers/batch} (at most 500 ids).
 * <ul>
 *   <li>A Content-Length over the limit is answered from the header alone, in front of Quarkus' own check.</li>
 *   <li>A body without one (chunked): Quarkus' check (order -2) leaves the limit in the routing context, and RESTEasy
 *   Reactive's input stream (once more than {@code quarkus.rest.input-buffer-size} has come) ends the response itself
 *   with a bare 413 when more than the limit has arrived. This route takes that limit out again, and
 *   {@link BodyLimitReader} counts the bytes the entity reader takes instead, answering 413 problem+json through the
 *   exception mappers; after such an answer the rest of the body is read and dropped for a short while (so that the
 *   client, still sending, reads the answer rather than a reset), then the connection is closed.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyLimitRoute {
    static final long LINGER_MILLIS = 2000;

    private final long limit;

    public BodyLimitRoute(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    /** The limit, in bytes. */
    long limit() {
        return limit;
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
        // after Quarkus' own limit route (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2)
        router.route().order(-1).handler(this::unannounced);
    }

    private void unannounced(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                && ctx.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
            boolean http2 = ctx.request().version() == HttpVersion.HTTP_2;
            ctx.addHeadersEndHandler(head -> {
                if (!http2 && refused(ctx)) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
            });
            ctx.addEndHandler(done -> {
                if (refused(ctx)) {
                    if (http2) {
                        ctx.response().reset(); // this stream only, not the connection's others
                    } else {
                        lingerThenClose(ctx);
                    }
                }
            });
        }
        ctx.next();
    }

    /** A 413 before the whole body came. */
    private static boolean refused(RoutingContext ctx) {
        return ctx.response().getStatusCode() == 413 && !ctx.request().isEnded();
    }

    /** Reads and drops the rest of a refused body for at most {@link #LINGER_MILLIS}, then closes the connection. */
    private static void lingerThenClose(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long timer =
                ctx.vertx().setTimer(LINGER_MILLIS, t -> request.connection().close());
        request.handler(ignored -> {});
        request.exceptionHandler(ignored -> {});
        request.endHandler(done -> {
            ctx.vertx().cancelTimer(timer);
            request.connection().close();
        });
        request.resume();
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && ContentLength.parse(length) > limit) {
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
}
