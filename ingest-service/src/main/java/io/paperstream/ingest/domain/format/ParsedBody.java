package io.paperstream.ingest.domain.format;

import io.paperstream.ingest.domain.SourceRecord;
import java.util.Iterator;

/** A request body read as its format: its records (lazily for streamed formats) and, for a digest, its date. */
public record ParsedBody(Format format, Iterator<SourceRecord> records, DigestDate digestDate) {}
