package io.paperstream.problem;

import java.util.Locale;

/**
 * Every problem type of paperstream's HTTP APIs: the type URI is {@link Problem#TYPE_BASE} + slug, and title and
 * status are fixed per type (RFC 9457: the title does not change from occurrence to occurrence). docs/architecture.md
 * ("HTTP errors") lists them with the services that answer them.
 */
public enum ProblemType {
    /** A query parameter, path segment, header or field of a small request body is invalid; {@code errors} names it. */
    INVALID_PARAMETER(400, "invalid-parameter", "Invalid parameter"),
    /** The body is not well-formed (JSON, XML, UTF-8, a DTD). */
    MALFORMED_BODY(400, "malformed-body", "Malformed request body"),
    /** The connection failed while the body was being read. */
    UNREADABLE_BODY(400, "unreadable-body", "Request body could not be read"),
    /** Content-Length is not a number. */
    BAD_CONTENT_LENGTH(400, "bad-content-length", "Bad Content-Length"),
    /** A batch holds no valid record; nothing was published. */
    NO_VALID_PAPER(400, "no-valid-paper", "No valid paper"),
    /** Not a paper id. */
    INVALID_ID(400, "invalid-id", "Invalid paper id"),
    /** No or an invalid bearer token. */
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    /** A valid token that may not do this. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not Found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method Not Allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not Acceptable"),
    /** The body came in too slowly (below the minimum upload rate); the connection is closed. */
    REQUEST_TIMEOUT(408, "request-timeout", "Request Timeout"),
    /** The body is over a size limit. */
    BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported Media Type"),
    /** The client's rate limit; see Retry-After. */
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too Many Requests"),
    INTERNAL_ERROR(500, "internal-error", "Internal Server Error"),
    /** Kafka did not acknowledge in time; see Retry-After. */
    BROKER_UNAVAILABLE(503, "broker-unavailable", "Kafka unavailable"),
    /** The database did not answer (in time); see Retry-After. */
    DATABASE_UNAVAILABLE(503, "database-unavailable", "Database unavailable"),
    /** The service has as much work as it takes at once; shed before any work was done; see Retry-After. */
    OVERLOADED(503, "overloaded", "Service overloaded");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The URI of this type. */
    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    /** The generic type of a status the framework raises, or null when there is none. */
    static ProblemType forStatus(int status) {
        switch (status) {
            case 401:
                return UNAUTHORIZED;
            case 403:
                return FORBIDDEN;
            case 404:
                return NOT_FOUND;
            case 405:
                return METHOD_NOT_ALLOWED;
            case 406:
                return NOT_ACCEPTABLE;
            case 408:
                return REQUEST_TIMEOUT;
            case 413:
                return BODY_TOO_LARGE;
            case 415:
                return UNSUPPORTED_MEDIA_TYPE;
            case 429:
                return TOO_MANY_REQUESTS;
            case 500:
                return INTERNAL_ERROR;
            default:
                return null;
        }
    }

    static String reasonPhrase(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 409:
                return "Conflict";
            case 410:
                return "Gone";
            case 411:
                return "Length Required";
            case 412:
                return "Precondition Failed";
            case 414:
                return "URI Too Long";
            case 416:
                return "Range Not Satisfiable";
            case 417:
                return "Expectation Failed";
            case 422:
                return "Unprocessable Content";
            case 431:
                return "Request Header Fields Too Large";
            case 501:
                return "Not Implemented";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "HTTP " + status;
        }
    }

    static String slugOf(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
