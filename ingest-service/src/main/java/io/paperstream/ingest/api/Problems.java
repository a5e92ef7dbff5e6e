package io.paperstream.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperstream.events.PaperJson;
import io.paperstream.ingest.domain.IngestAbortedException;
import io.paperstream.ingest.domain.PublishFailedException;
import io.paperstream.ingest.domain.format.BodyTooLargeException;
import io.paperstream.ingest.domain.format.UnreadableBodyException;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** How each failure of a request reads as a problem+json response (status, type, detail, headers). */
public final class Problems {
    private Problems() {
    }

    /** The problem for a known failure, or null for an unexpected one (a bug: answered 500). */
    public static ProblemException from(Throwable e, int retryAfterSeconds) {
        if (e instanceof ProblemException p) {
            return p;
        }
        if (e instanceof IngestAbortedException aborted) {
            ProblemException cause = from(aborted.getCause(), retryAfterSeconds);
            if (cause == null || aborted.published() == 0) {
                return cause;
            }
            Problem p = cause.problem();
            String detail = p.detail() + " " + aborted.published() + " papers of this request had already been"
                    + " published; sending the request again is safe (ids are derived, a re-sent paper is an update).";
            return new ProblemException(new Problem(p.type(), p.title(), p.status(), detail, p.instance(), p.errors(),
                    aborted.published(), p.records()), cause.headers());
        }
        if (e instanceof BodyTooLargeException tooLarge) {
            return tooLarge(tooLarge.limit());
        }
        if (e instanceof UnreadableBodyException unreadable) {
            String detail = unreadable.getMessage() + (unreadable.location() == null ? "" : " at " + unreadable.location());
            return ProblemException.withErrors(400, "malformed-body", "Malformed request body", detail,
                    List.of(new Problem.FieldError("$", "malformed", unreadable.getMessage(), null,
                            unreadable.location())));
        }
        if (e instanceof PublishFailedException unavailable) {
            Problem p = new Problem(Problem.TYPE_BASE + "broker-unavailable", "Kafka unavailable", 503,
                    unavailable.getMessage() + ". Retry later; nothing is lost by sending the request again.",
                    null, null, null, null);
            return new ProblemException(p, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
        if (e instanceof UncheckedIOException) {
            return ProblemException.of(400, "unreadable-body", "Request body could not be read",
                    "The connection failed while the body was being read.");
        }
        return null;
    }

    /** 413; the connection is closed after the answer rather than reading the unwanted rest of the body. */
    public static ProblemException tooLarge(long limit) {
        Problem p = new Problem(Problem.TYPE_BASE + "body-too-large", "Request body too large", 413,
                "The body is larger than " + limit + " bytes, the limit for this format.", null, null, null, null);
        return new ProblemException(p, Map.of("Connection", "close"));
    }

    public static Response response(ProblemException e) {
        Response.ResponseBuilder builder = Response.status(e.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(e.problem()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    public static byte[] json(Problem problem) {
        try {
            return PaperJson.mapper().writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem must serialise", e);
        }
    }

    /** A problem for a bare HTTP status (404, 405, 415, ...) raised by the framework. */
    public static ProblemException ofStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return ProblemException.of(status, slug, title, detail);
    }
}
