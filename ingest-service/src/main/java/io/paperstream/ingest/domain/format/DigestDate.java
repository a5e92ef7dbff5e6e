package io.paperstream.ingest.domain.format;

import java.time.LocalDate;

/**
 * The date a digest is for, and where it came from: {@code date-parameter} (the request said), {@code date-line}
 * (the digest's own date line had a year), {@code date-line-inferred-year} (a date line such as "Mar 14": the latest
 * such date not in the future), or {@code none} (no date line, no parameter: papers get no publishedOn).
 */
public record DigestDate(LocalDate date, String source, String dateLine) {
    public static final String PARAMETER = "date-parameter";
    public static final String LINE = "date-line";
    public static final String INFERRED = "date-line-inferred-year";
    public static final String NONE = "none";
}
