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
    private BodyParsers() {}

    /**
     * @param format        the format asked for; {@code JSON} also recognises the daily-papers shape unless {@code explicit}
     * @param explicit      the client named the format with the {@code format} parameter
     * @param body          the body, already bounded to the format's size limit
     * @param maxLineBytes  the longest NDJSON line
     * @param dateParameter the {@code date} query parameter (digest)
     * @param today         for the year of a digest date line
     */
    public static ParsedBody read(
            Format format,
            boolean explicit,
            InputStream body,
            int maxLineBytes,
            Optional<LocalDate> dateParameter,
            LocalDate today) {
        return switch (format) {
            case NDJSON, ARXIV_SNAPSHOT -> ndjson(format, body, maxLineBytes);
            case DIGEST -> {
                DigestParser.Digest digest = DigestParser.parse(Utf8.read(body), dateParameter, today);
                yield new ParsedBody(Format.DIGEST, digest.records().iterator(), digest.date());
            }
            case ATOM ->
                new ParsedBody(
                        Format.ATOM, AtomFeedParser.parse(Utf8.read(body)).iterator(), null);
            case JSON, HF_DAILY -> json(format, explicit, Json.parse(Utf8.read(body)));
        };
    }

    /**
     * NDJSON, streamed; the body is an arXiv snapshot ({@code arxiv-snapshot}) when asked for or when its first record
     * has that shape (then lines of other shapes are still read by their own shape).
     */
    private static ParsedBody ndjson(Format requested, InputStream body, int maxLineBytes) {
        NdjsonRecords records = new NdjsonRecords(body, maxLineBytes, requested == Format.ARXIV_SNAPSHOT);
        boolean snapshot = requested == Format.ARXIV_SNAPSHOT || (records.hasNext() && records.firstIsSnapshot());
        return new ParsedBody(snapshot ? Format.ARXIV_SNAPSHOT : Format.NDJSON, records, null);
    }

    /** JSON: one paper or an array of papers; daily-papers entries when asked for or when the shape says so. */
    private static ParsedBody json(Format requested, boolean explicit, JsonNode root) {
        if (!root.isArray() && !root.isObject()) {
            throw new UnreadableBodyException(
                    "the JSON body must be an object (one paper) or an array of papers, not " + Json.kind(root), null);
        }
        boolean daily = requested == Format.HF_DAILY || (!explicit && HfDailyMapper.looksLikeDailyPapers(root));
        boolean snapshot = !daily && !explicit && ArxivSnapshotMapper.looksLikeSnapshot(root);
        List<SourceRecord> records = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                records.add(map(daily, snapshot, i, "$[" + i + "]", root.get(i)));
            }
        } else {
            records.add(map(daily, snapshot, 0, "$", root));
        }
        Format format = daily ? Format.HF_DAILY : snapshot ? Format.ARXIV_SNAPSHOT : Format.JSON;
        return new ParsedBody(format, records.iterator(), null);
    }

    private static SourceRecord map(boolean daily, boolean snapshot, int index, String location, JsonNode node) {
        return daily
                ? HfDailyMapper.toRecord(index, location, node)
                : snapshot
                        ? ArxivSnapshotMapper.toRecord(index, location, node)
                        : JsonPaperMapper.toRecord(index, location, node);
    }
}
