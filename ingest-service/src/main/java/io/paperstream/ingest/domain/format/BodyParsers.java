package io.paperstream.ingest.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.ingest.domain.SourceRecord;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a request body in a given format. Bounded formats (JSON, digest, Atom) are read and parsed whole before
 * anything is published, so a malformed body publishes nothing; NDJSON is read lazily, record by record.
 */
public final class BodyParsers {
    private BodyParsers() {
    }

    /**
     * @param format        the format asked for; {@code JSON} also recognises the daily-papers shape unless {@code explicit}
     * @param explicit      the client named the format with the {@code format} parameter
     * @param body          the body, already bounded to the format's size limit
     * @param maxLineBytes  the longest NDJSON line
     * @param dateParameter the {@code date} query parameter (digest)
     * @param today         for the year of a digest date line
     */
    public static ParsedBody read(Format format, boolean explicit, InputStream body, int maxLineBytes, Optional<LocalDate> dateParameter,
                                  LocalDate today) {
        return switch (format) {
            case NDJSON -> new ParsedBody(Format.NDJSON, new NdjsonRecords(body, maxLineBytes), null);
            case DIGEST -> {
                DigestParser.Digest digest = DigestParser.parse(Utf8.read(body), dateParameter, today);
                yield new ParsedBody(Format.DIGEST, digest.records().iterator(), digest.date());
            }
            case ATOM -> new ParsedBody(Format.ATOM, AtomFeedParser.parse(Utf8.read(body)).iterator(), null);
            case JSON, HF_DAILY -> json(format, explicit, Json.parse(Utf8.read(body)));
        };
    }

    /** JSON: one paper or an array of papers; daily-papers entries when asked for or when the shape says so. */
    private static ParsedBody json(Format requested, boolean explicit, JsonNode root) {
        if (!root.isArray() && !root.isObject()) {
            throw new UnreadableBodyException("the JSON body must be an object (one paper) or an array of papers, not "
                    + Json.kind(root), null);
        }
        boolean daily = requested == Format.HF_DAILY || (!explicit && HfDailyMapper.looksLikeDailyPapers(root));
        List<SourceRecord> records = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                records.add(daily ? HfDailyMapper.toRecord(i, "$[" + i + "]", root.get(i))
                        : JsonPaperMapper.toRecord(i, "$[" + i + "]", root.get(i)));
            }
        } else {
            records.add(daily ? HfDailyMapper.toRecord(0, "$", root) : JsonPaperMapper.toRecord(0, "$", root));
        }
        return new ParsedBody(daily ? Format.HF_DAILY : Format.JSON, records.iterator(), null);
    }
}
