package io.paperstream.ingest.api;

import io.micrometer.core.instrument.Timer;
import io.paperstream.events.RawPaper;
import io.paperstream.ingest.config.IngestConfig;
import io.paperstream.ingest.domain.BatchIngestor;
import io.paperstream.ingest.domain.BatchResult;
import io.paperstream.ingest.domain.PaperSink;
import io.paperstream.ingest.domain.RecordOutcome;
import io.paperstream.ingest.domain.format.BodyParsers;
import io.paperstream.ingest.domain.format.BodyTooLargeException;
import io.paperstream.ingest.domain.format.Format;
import io.paperstream.ingest.domain.format.ParsedBody;
import io.paperstream.kit.LimitedInputStream;
import io.paperstream.problem.Problem;
import io.paperstream.problem.ProblemException;
import io.paperstream.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ingest request end to end: format from media type and {@code format}, size limits, parsing, validation and
 * publishing (through {@link BatchIngestor}), metrics, and the answer: 202 with every record's outcome, or a problem.
 */
@ApplicationScoped
public class IngestService {
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9._:/@-]{1,100}");

    private final IngestConfig config;
    private final BatchIngestor ingestor;
    private final PaperSink sink;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestService(
            IngestConfig config, BatchIngestor ingestor, PaperSink sink, IngestMetrics metrics, Clock clock) {
        this.config = config;
        this.ingestor = ingestor;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
    }

    public IngestResponse ingest(IngestRequest request) {
        Timer.Sample timer = metrics.start();
        String formatTag = "unknown";
        int status = 500;
        try {
            Format format = FormatResolver.resolve(request.contentType(), request.format());
            formatTag = format.label();
            long limit = format.streamed()
                    ? config.maxNdjsonBytes().asLongValue()
                    : config.maxBodyBytes().asLongValue();
            checkAnnouncedLength(request.contentLength(), limit);
            Optional<LocalDate> date = date(request.date());
            RawPaper.Source source = new RawPaper.Source(format.label(), sourceName(request.source()));
            // a streamed body is read as it arrives: hold it to the minimum upload rate (UploadRoute receives the
            // others)
            InputStream in = format.streamed()
                    ? new MinRateInputStream(
                            request.body(),
                            config.overload().minUploadRate(),
                            config.overload().uploadGrace().toNanos())
                    : request.body();
            ParsedBody body = BodyParsers.read(
                    format,
                    request.format() != null && !request.format().isBlank(),
                    new LimitedInputStream(in, limit, BodyTooLargeException::new),
                    (int) Math.min(
                            Integer.MAX_VALUE, config.maxNdjsonLineBytes().asLongValue()),
                    date,
                    LocalDate.now(clock));
            formatTag = body.format().label();
            BatchResult result = ingestor.ingest(
                    body.records(), sink, new RawPaper.Source(body.format().label(), source.name()));
            metrics.records(formatTag, result);
            IngestResponse response = IngestResponse.of(formatTag, result, body.digestDate());
            if (result.nothingAccepted()) {
                throw nothingAccepted(response);
            }
            status = 202;
            return response;
        } catch (RuntimeException e) {
            ProblemException problem = Problems.from(e, config.retryAfterSeconds());
            status = problem == null ? 500 : problem.problem().status();
            throw problem == null ? e : problem;
        } finally {
            metrics.request(timer, formatTag, status);
        }
    }

    /** Publishes the tombstone of an id. */
    public void delete(String id) {
        Timer.Sample timer = metrics.start();
        int status = 500;
        try {
            sink.tombstone(id);
            status = 202;
        } catch (RuntimeException e) {
            ProblemException problem = Problems.from(e, config.retryAfterSeconds());
            status = problem == null ? 500 : problem.problem().status();
            throw problem == null ? e : problem;
        } finally {
            metrics.request(timer, "tombstone", status);
        }
    }

    /** Nothing valid (or nothing at all) in the body: 400, with every record's outcome, and nothing published. */
    private static ProblemException nothingAccepted(IngestResponse response) {
        List<Problem.FieldError> errors = response.records().stream()
                .filter(r -> RecordOutcome.Status.REJECTED.label().equals(r.status()))
                .flatMap(r -> r.errors().stream()
                        .map(e -> new Problem.FieldError(e.field(), e.code(), e.message(), r.index(), r.location())))
                .limit(1000)
                .toList();
        String detail = response.received() == 0
                ? "The body holds no paper."
                : "None of the " + response.received() + " records is valid; nothing was published. See errors.";
        return Problem.of(ProblemType.NO_VALID_PAPER)
                .detail(detail)
                .errors(errors)
                .extension("records", response.received() <= 1000 ? response.records() : null)
                .exception();
    }

    private static void checkAnnouncedLength(String contentLength, long limit) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.trim()) > limit) {
                throw Problems.tooLarge(limit);
            }
        } catch (NumberFormatException e) {
            throw Problem.of(ProblemType.BAD_CONTENT_LENGTH)
                    .detail("Content-Length is not a number.")
                    .error("Content-Length", "invalid", "not a number")
                    .exception();
        }
    }

    private static Optional<LocalDate> date(String date) {
        if (date == null || date.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date.trim()));
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(
                    "date", "date must be an ISO date such as 2025-03-14.", "not an ISO date: YYYY-MM-DD");
        }
    }

    private static String sourceName(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        if (!SOURCE_NAME.matcher(source).matches()) {
            throw Problems.invalidParameter(
                    "source",
                    "source must be 1 to 100 characters of letters, digits and . _ : / @ -",
                    "not a valid source name");
        }
        return source;
    }
}
