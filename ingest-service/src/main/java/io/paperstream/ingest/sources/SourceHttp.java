package io.paperstream.ingest.sources;

import io.paperstream.ingest.domain.format.UnreadableBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.jboss.logging.Logger;

/**
 * GET requests to one source with its manners: at least {@code delay} between the end of one request and the start of
 * the next; {@code 503}/{@code 429} with {@code Retry-After} waited out (that is flow control, not a failure);
 * network errors, other non-2xx statuses and answers that do not parse retried with exponential backoff, each failure
 * logged once (one line with its cause) and counted; after {@code maxAttempts} failures a {@link SourceFailure}.
 *
 * <p>The JDK's {@link HttpClient}: harvesting is one sequential, rate-limited loop per source on its own thread, so a
 * blocking client is the simplest fit (no event loop to stay off, no extra dependency); it follows redirects, has
 * connect and request timeouts, and its blocking {@code send} returns when the harvesting thread is interrupted (the
 * lease was lost or the service stops).
 */
public final class SourceHttp {
    private static final Logger LOG = Logger.getLogger(SourceHttp.class);
    private static final int MAX_BODY_BYTES = 256 << 20;
    /** Retry-After waits in a row for one request before it counts as a failure (a server that never lets us in). */
    private static final int MAX_FLOW_CONTROL_WAITS = 30;

    /** How a successful answer went, for the request counter ({@code ok}, {@code no-records-match}, ...). */
    public interface Outcome<T> extends Function<T, String> {}

    private final HttpClient client;
    private final SourceStatus status;
    private final Duration delay;
    private final int maxAttempts;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration maxRetryAfter;
    private final Duration timeout;
    private final String userAgent;
    private final String accept;
    private long lastRequestEnd = Long.MIN_VALUE;

    public SourceHttp(
            HttpClient client,
            SourceStatus status,
            String accept,
            Duration delay,
            int maxAttempts,
            Duration backoffInitial,
            Duration backoffMax,
            Duration maxRetryAfter,
            Duration timeout,
            String userAgent) {
        this.client = client;
        this.status = status;
        this.accept = accept;
        this.delay = delay;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.maxRetryAfter = maxRetryAfter;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The parsed answer of {@code uri}; {@code parse} throws {@link UnreadableBodyException} for an answer that is
     * malformed (retried like a failed request).
     */
    public <T> T get(URI uri, Function<byte[], T> parse, Outcome<T> outcome) throws InterruptedException {
        return get(uri, parse, outcome, null);
    }

    /** Like {@link #get(URI, Function, Outcome)}; a 404 is the answer {@code notFound} (when given), not a failure. */
    public <T> T get(URI uri, Function<byte[], T> parse, Outcome<T> outcome, java.util.function.Supplier<T> notFound)
            throws InterruptedException {
        int failures = 0;
        int waits = 0;
        Duration backoff = backoffInitial;
        while (true) {
            pace();
            String failure;
            String kind;
            try {
                HttpResponse<InputStream> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(timeout)
                                .header("User-Agent", userAgent)
                                .header("Accept", accept)
                                .header("Accept-Encoding", "gzip")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (InputStream in = decoded(response)) {
                    body = in.readNBytes(MAX_BODY_BYTES + 1);
                } finally {
                    lastRequestEnd = System.nanoTime();
                }
                int code = response.statusCode();
                Optional<Duration> retryAfter = retryAfter(response);
                if ((code == 503 || code == 429) && retryAfter.isPresent() && waits < MAX_FLOW_CONTROL_WAITS) {
                    waits++;
                    status.request("retry-after");
                    Duration wait = min(retryAfter.get(), maxRetryAfter);
                    LOG.infof(
                            "%s: %d with Retry-After %s s for %s; waiting",
                            status.source(), code, wait.toSeconds(), uri);
                    Thread.sleep(Math.max(0, wait.toMillis()));
                    continue;
                }
                if (code == 404 && notFound != null) {
                    status.request("not-found");
                    status.succeeded();
                    LOG.infof("%s: 404 for %s; nothing there", status.source(), uri);
                    return notFound.get();
                }
                if (code / 100 == 2) {
                    if (body.length > MAX_BODY_BYTES) {
                        kind = "malformed";
                        failure = "the answer is larger than " + MAX_BODY_BYTES + " bytes";
                    } else {
                        try {
                            T parsed = parse.apply(body);
                            status.request(outcome.apply(parsed));
                            status.succeeded();
                            return parsed;
                        } catch (UnreadableBodyException e) {
                            kind = "malformed";
                            failure = "unreadable answer: " + e.getMessage()
                                    + (e.location() == null ? "" : " (" + e.location() + ")");
                        }
                    }
                } else {
                    kind = code / 100 == 4 ? "client-error" : "server-error";
                    failure = "HTTP " + code + snippet(body);
                }
            } catch (IOException e) {
                lastRequestEnd = System.nanoTime();
                kind = "network-error";
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            failures++;
            status.request(kind);
            status.failed(failure);
            if (failures >= maxAttempts) {
                LOG.warnf(
                        "%s: GET %s failed (%s); giving up after %d attempts, the harvest resumes at its checkpoint",
                        status.source(), uri, failure, failures);
                throw new SourceFailure(status.source() + ": " + failure, null, true);
            }
            LOG.warnf(
                    "%s: GET %s failed (%s); retrying in %d ms (attempt %d of %d)",
                    status.source(), uri, failure, backoff.toMillis(), failures, maxAttempts);
            Thread.sleep(backoff.toMillis());
            backoff = min(backoff.multipliedBy(2), backoffMax);
        }
    }

    /** Waits until {@code delay} has passed since the end of the previous request. */
    private void pace() throws InterruptedException {
        if (lastRequestEnd == Long.MIN_VALUE) {
            return;
        }
        long wait = delay.toNanos() - (System.nanoTime() - lastRequestEnd);
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("");
        return encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(response.body()) : response.body();
    }

    /** Retry-After as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(SourceHttp::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static String snippet(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        return text.isEmpty() ? "" : ": " + text;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
