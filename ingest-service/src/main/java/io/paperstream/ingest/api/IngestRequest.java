package io.paperstream.ingest.api;

import java.io.InputStream;

/** The parts of a {@code POST /api/v1/papers} that ingest needs, as received. */
public record IngestRequest(
        InputStream body, String contentType, String contentLength, String format, String date, String source) {}
