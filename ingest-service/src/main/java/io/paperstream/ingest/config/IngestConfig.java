package io.paperstream.ingest.config;

import io.paperstream.ingest.domain.PaperLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of ingest-service, prefix {@code paperstream.ingest} (env {@code PAPERSTREAM_INGEST_*}). */
@ConfigMapping(prefix = "paperstream.ingest")
public interface IngestConfig {

    /** Largest body for JSON, digest text and Atom, which are read whole before anything is published. */
    @WithDefault("10M")
    MemorySize maxBodyBytes();

    /** Largest NDJSON body; NDJSON is streamed, so this bound is independent of the others. */
    @WithDefault("1G")
    MemorySize maxNdjsonBytes();

    /** Longest NDJSON line (one paper); a longer line is a rejected record. */
    @WithDefault("1M")
    MemorySize maxNdjsonLineBytes();

    /** Papers published together, then acknowledged, before more of the body is read. */
    @WithDefault("500")
    int chunkSize();

    /** How long a chunk may wait for the broker's acknowledgement before the request fails with 503. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** The Retry-After of a 503. */
    @WithDefault("10")
    int retryAfterSeconds();

    /** The CloudEvents {@code ce_source} of every record this service writes. */
    @WithDefault("/paperstream/ingest-service")
    String eventSource();

    Limits limits();

    Auth auth();

    Overload overload();

    /**
     * Bounds on the work the service holds at once, so that more load than Kafka takes is answered {@code 503} +
     * Retry-After at once instead of piling up, and slow clients cannot hold memory or worker threads.
     */
    interface Overload {
        /**
         * Request bodies held at once, in bytes: a JSON, digest or Atom body counts with the bytes received so far (it
         * is buffered before a worker thread takes it), an NDJSON stream with {@link #streamBytes()}; held until the
         * answer. A request that finds no room is answered 503 (type overloaded) before anything is published.
         */
        @WithDefault("128M")
        MemorySize maxInFlightBytes();

        /** What one NDJSON stream counts against {@link #maxInFlightBytes()}: its chunks in flight and its line buffer. */
        @WithDefault("8M")
        MemorySize streamBytes();

        /** The Retry-After of a 503 of an overload. */
        @WithDefault("2")
        int retryAfterSeconds();

        /**
         * Uploads must arrive at least this fast (bytes per second, on average) once {@link #uploadGrace()} has passed,
         * counting only the time the service waits for the client; slower ones are answered 408 and closed.
         */
        @WithDefault("1024")
        int minUploadRate();

        /** The time an upload may take before {@link #minUploadRate()} applies. */
        @WithDefault("10s")
        Duration uploadGrace();
    }

    /** Field limits, in Unicode code points after normalisation. */
    interface Limits {
        @WithDefault("2")
        int titleMin();

        @WithDefault("1000")
        int titleMax();

        @WithDefault("10")
        int abstractMin();

        @WithDefault("20000")
        int abstractMax();

        @WithDefault("2000")
        int authorsMax();

        @WithDefault("300")
        int authorMax();

        @WithDefault("5000")
        int commentMax();

        /** Most categories, keywords or links of one paper. */
        @WithDefault("100")
        int listMax();

        /** Longest category, keyword or link label. */
        @WithDefault("200")
        int termMax();

        @WithDefault("2048")
        int urlMax();

        default PaperLimits toPaperLimits() {
            return new PaperLimits(
                    titleMin(),
                    titleMax(),
                    abstractMin(),
                    abstractMax(),
                    authorsMax(),
                    authorMax(),
                    commentMax(),
                    listMax(),
                    termMax(),
                    urlMax());
        }
    }

    /** Bearer tokens for writes. Several may be valid at once, so that they can be rotated. */
    interface Auth {
        @WithDefault("true")
        boolean enabled();

        /** env PAPERSTREAM_INGEST_AUTH_TOKENS, comma-separated. */
        Optional<List<String>> tokens();

        /**
         * A file of tokens (one per line or comma-separated), e.g. a mounted Secret; accepted in addition to
         * {@link #tokens()} and re-read at most every {@link #reloadInterval()}, so a rotation needs no restart.
         */
        Optional<java.nio.file.Path> tokensFile();

        @WithDefault("10s")
        java.time.Duration reloadInterval();
    }
}
