package io.paperstream.ingest.api;

import io.paperstream.ingest.domain.IngestAbortedException;
import io.paperstream.ingest.domain.PublishFailedException;
import io.paperstream.ingest.domain.format.BodyTooLargeException;
import io.paperstream.ingest.domain.format.UnreadableBodyException;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemType;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * How each failure of an ingest request reads as a problem (type, detail, errors, headers). The shape itself and its
 * writing are http-problem's ({@link Problem}), the same for query-service.
 */
public final class Problems {
    private Problems() {}

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
            return new ProblemException(
                    p.toBuilder()
                            .detail(detail)
                            .extension("published", aborted.published())
                            .build(),
                    cause.headers());
        }
        if (e instanceof BodyTooLargeException tooLarge) {
            return tooLarge(tooLarge.limit());
        }
        if (e instanceof UnreadableBodyException unreadable) {
            String detail =
                    unreadable.getMessage() + (unreadable.location() == null ? "" : " at " + unreadable.location());
            return Problem.of(ProblemType.MALFORMED_BODY)
                    .detail(detail)
                    .errors(java.util.List.of(new Problem.FieldError(
                            "$", "malformed", unreadable.getMessage(), null, unreadable.location())))
                    .exception();
        }
        if (e instanceof PublishFailedException unavailable) {
            return Problem.of(ProblemType.BROKER_UNAVAILABLE)
                    .detail(unavailable.getMessage() + ". Retry later; nothing is lost by sending the request again.")
                    .exception(Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
        }
        if (e instanceof UncheckedIOException) {
            return Problem.of(ProblemType.UNREADABLE_BODY)
                    .detail("The connection failed while the body was being read.")
                    .exception();
        }
        return null;
    }

    /** 413; the connection is closed after the answer rather than reading the unwanted rest of the body. */
    public static ProblemException tooLarge(long limit) {
        return Problem.of(ProblemType.BODY_TOO_LARGE)
                .detail("The body is larger than " + limit + " bytes, the limit for this format.")
                .exception(Map.of("Connection", "close"));
    }

    /** A parameter of the request is invalid: 400 naming it. */
    public static ProblemException invalidParameter(String name, String detail, String message) {
        return Problem.of(ProblemType.INVALID_PARAMETER)
                .detail(detail)
                .error(name, "invalid", message)
                .exception();
    }
}
