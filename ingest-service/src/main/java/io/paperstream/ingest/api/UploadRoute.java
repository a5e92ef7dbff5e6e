package io.paperstream.ingest.api;

import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.BearerTokens;
import io.paperstream.ingest.domain.format.Format;
import io.paperstream.kit.ContentLength;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission and receiving of {@code POST /api/v1/papers} bodies, on the event loop, before a worker thread is involved:
 * <ul>
 *   <li>every body counts against {@link InFlightBytes} until its answer is done: an announced Content-Length at once,
 *   a body without one as it arrives, an NDJSON stream with {@code overload.stream-bytes}; no room is a 503
 *   {@code overloaded} + Retry-After, answered at once, before anything is read or published;</li>
 *   <li>a JSON, digest or Atom body (read whole anyway, at most {@code max-body-bytes}) is received here and handed to
 *   the resource complete, so a client sending a byte a second holds a connection and the bytes it sent, never a
 *   worker thread; one slower than {@code overload.min-upload-rate} after {@code overload.upload-grace} is answered
 *   408 and closed (an NDJSON stream, which a worker reads as it arrives, is held to the same rate by
 *   {@link MinRateInputStream}).</li>
 * </ul>
 * Requests without a valid token pass untouched: the auth filter answers them 401 without reading their body.
 */
@ApplicationScoped
public class UploadRoute {
    private static final long CHECK_MILLIS = 500;

    private final InFlightBytes budget;
    private final AcceptedTokens tokens;
    private final boolean authEnabled;
    private final long bodyLimit;
    private final long streamBytes;
    private final int retryAfterSeconds;
    private final long minRate;
    private final long graceNanos;

    public UploadRoute(
            InFlightBytes budget,
            AcceptedTokens tokens,
            IngestConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        this.budget = budget;
        this.tokens = tokens;
        this.authEnabled = config.auth().enabled();
        this.bodyLimit = Math.min(
                serverLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE),
                config.maxBodyBytes().asLongValue());
        this.streamBytes = config.overload().streamBytes().asLongValue();
        this.retryAfterSeconds = config.overload().retryAfterSeconds();
        this.minRate = config.overload().minUploadRate();
        this.graceNanos = config.overload().uploadGrace().toNanos();
    }

    void install(@Observes Router router) {
        router.route().order(-2).handler(this::admit);
    }

    private void admit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.POST
                || !ctx.normalizedPath().startsWith(ApiPaths.PAPERS)
                || (authEnabled
                        && !tokens.tokens()
                                .accepts(BearerTokens.tokenOf(request.getHeader(HttpHeaders.AUTHORIZATION))))) {
            ctx.next();
            return;
        }
        boolean streamed = Format.NDJSON_TYPE.equals(Format.baseType(request.getHeader(HttpHeaders.CONTENT_TYPE)));
        long announced = ContentLength.parse(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        long upfront = streamed ? streamBytes : Math.max(0, Math.min(announced, bodyLimit));
        if (!budget.tryReserve(upfront)) {
            answer(ctx, overloaded(), true);
            return;
        }
        long[] reserved = {upfront};
        ctx.addEndHandler(done -> budget.release(reserved[0]));
        if (streamed) {
            ctx.next();
            return;
        }
        receive(ctx, request, announced, reserved);
    }

    /** Receives a whole body on the event loop, then hands it to the resource (which reads it from memory). */
    private void receive(RoutingContext ctx, HttpServerRequest request, long announced, long[] reserved) {
        Buffer body = Buffer.buffer((int) Math.max(0, Math.min(announced, 64 * 1024)));
        boolean[] answered = {false};
        long start = System.nanoTime();
        long timer = ctx.vertx().setPeriodic(CHECK_MILLIS, id -> {
            if (!answered[0] && tooSlow(body.length(), System.nanoTime() - start)) {
                answered[0] = true;
                ctx.vertx().cancelTimer(id);
                answer(ctx, slowUpload(body.length(), start), false);
            }
        });
        request.handler(chunk -> {
            if (answered[0]) {
                return;
            }
            long length = (long) body.length() + chunk.length();
            ProblemException refused = null;
            if (length > bodyLimit) {
                refused = Problems.tooLarge(bodyLimit);
            } else if (length > reserved[0]) {
                long more = length - reserved[0];
                if (budget.tryReserve(more)) {
                    reserved[0] += more;
                } else {
                    refused = overloaded();
                }
            }
            if (refused != null) {
                answered[0] = true;
                ctx.vertx().cancelTimer(timer);
                answer(ctx, refused, true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> ctx.vertx().cancelTimer(timer));
        request.endHandler(done -> {
            ctx.vertx().cancelTimer(timer);
            if (!answered[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue(); // as the resource would when it starts reading (curl asks above 1 MB)
        }
        request.resume();
    }

    private boolean tooSlow(long received, long elapsedNanos) {
        return elapsedNanos > graceNanos
                && received < minRate * (elapsedNanos - graceNanos) / TimeUnit.SECONDS.toNanos(1);
    }

    private ProblemException slowUpload(long received, long start) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        return Problem.of(ProblemType.REQUEST_TIMEOUT)
                .detail("The body came in too slowly: " + received + " bytes in "
                        + seconds + " s; after " + TimeUnit.NANOSECONDS.toSeconds(graceNanos)
                        + " s a body must arrive at "
                        + minRate + " bytes/s at least. The connection is closed; nothing was published.")
                .exception(Map.of("Connection", "close"));
    }

    private ProblemException overloaded() {
        return Problem.of(ProblemType.OVERLOADED)
                .detail("ingest-service holds as many request bodies as it takes at once ("
                        + budget.max()
                        + " bytes) while Kafka acknowledges earlier ones; nothing of this request was read or"
                        + " published. Retry after " + retryAfterSeconds + " s.")
                .exception(Map.of("Retry-After", Integer.toString(retryAfterSeconds), "Connection", "close"));
    }

    /** Answers with a problem and closes the connection (after a short linger when the client may still be sending). */
    private static void answer(RoutingContext ctx, ProblemException e, boolean linger) {
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        ProblemException located = e.at(ctx.normalizedPath());
        ctx.response()
                .setStatusCode(located.problem().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        located.headers().forEach(ctx.response()::putHeader);
        ctx.response().end(Buffer.buffer(located.problem().toJson())).onComplete(done -> {
            if (linger) {
                Connections.lingerThenClose(ctx.vertx(), ctx.request());
            } else {
                ctx.request().connection().close();
            }
        });
    }
}
