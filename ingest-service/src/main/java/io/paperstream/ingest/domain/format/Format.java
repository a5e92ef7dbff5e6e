package io.paperstream.ingest.domain.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The input formats of {@code POST /api/v1/papers}, chosen by media type and, where types collide, {@code format}. */
public enum Format {
    JSON("json", "application/json"),
    HF_DAILY("hf-daily", "application/json"),
    NDJSON("ndjson", "application/x-ndjson"),
    DIGEST("digest", "text/plain"),
    ATOM("atom", "application/atom+xml"),
    /** The arXiv metadata snapshot's JSON lines, streamed like NDJSON. */
    ARXIV_SNAPSHOT("arxiv-snapshot", "application/x-ndjson");

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String ATOM_TYPE = "application/atom+xml";

    private final String label;
    private final String mediaType;

    Format(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean streamed() {
        return this == NDJSON || this == ARXIV_SNAPSHOT;
    }

    public static Optional<Format> byLabel(String label) {
        return Arrays.stream(values())
                .filter(f -> f.label.equalsIgnoreCase(label))
                .findFirst();
    }

    /** The base media type of a Content-Type header, lower case, parameters dropped; also accepts known aliases. */
    public static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String base = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType)
                .trim()
                .toLowerCase(Locale.ROOT);
        return switch (base) {
            case "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" ->
                NDJSON_TYPE;
            default -> base;
        };
    }
}
