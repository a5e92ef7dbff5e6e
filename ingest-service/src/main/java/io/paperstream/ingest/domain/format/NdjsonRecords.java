package io.paperstream.ingest.domain.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Newline-delimited JSON read lazily, one line at a time: memory is bounded by the longest allowed line, whatever
 * the size of the body. Blank lines are skipped. A line that is too long, not UTF-8, not JSON or not an object is a
 * rejected record (with its line number), not a failed request. Lines in the Hugging Face daily-papers entry shape
 * or the arXiv metadata snapshot's shape are read as such.
 */
public final class NdjsonRecords implements Iterator<SourceRecord> {
    private final InputStream in;
    private final byte[] buffer = new byte[65536];
    private int position;
    private int limit;
    private final int maxLineBytes;
    private byte[] line = new byte[8192];
    private int length;
    private boolean tooLong;
    private long lineNumber;
    private int index;
    private boolean eof;
    private SourceRecord next;
    private final boolean snapshot;
    private boolean firstIsSnapshot;

    public NdjsonRecords(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, false);
    }

    /** @param snapshot every line is an arXiv snapshot record (else each line's shape decides) */
    public NdjsonRecords(InputStream in, int maxLineBytes, boolean snapshot) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.snapshot = snapshot;
    }

    /** True when the first record read was in the arXiv snapshot's shape (or every line is read as such). */
    public boolean firstIsSnapshot() {
        return firstIsSnapshot;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !eof) {
            if (readLine() && !(isBlank() && !tooLong)) {
                next = toRecord();
            }
        }
        return next != null;
    }

    @Override
    public SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord record = next;
        next = null;
        return record;
    }

    private SourceRecord toRecord() {
        String where = "line " + lineNumber;
        int i = index++;
        if (tooLong) {
            return SourceRecord.unreadable(
                    i, where, Violation.of("$", "line-too-long", "the line is longer than " + maxLineBytes + " bytes"));
        }
        String text;
        try {
            text = Utf8.decode(line, 0, length, where);
        } catch (UnreadableBodyException e) {
            return SourceRecord.unreadable(i, where, Violation.of("$", "invalid-utf8", "the line is not valid UTF-8"));
        }
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (UnreadableBodyException e) {
            String column = e.location() == null ? "" : " (" + e.location().replaceFirst("line \\d+, ", "") + ")";
            return SourceRecord.unreadable(i, where, Violation.of("$", "malformed-json", e.getMessage() + column));
        }
        if (snapshot || ArxivSnapshotMapper.looksLikeSnapshot(node)) {
            if (i == 0) {
                firstIsSnapshot = true;
            }
            return ArxivSnapshotMapper.toRecord(i, where, node);
        }
        return HfDailyMapper.looksLikeDailyPapers(node)
                ? HfDailyMapper.toRecord(i, where, node)
                : JsonPaperMapper.toRecord(i, where, node);
    }

    /** Reads one line into the buffer (without its CR LF); false at the end of the body with nothing read. */
    private boolean readLine() {
        length = 0;
        tooLong = false;
        boolean any = false;
        try {
            while (true) {
                if (position == limit && !fill()) {
                    eof = true;
                    break;
                }
                any = true;
                int end = position;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                append(position, end - position);
                boolean newline = end < limit;
                position = newline ? end + 1 : end;
                if (newline) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the request body could not be read", e);
        }
        if (!any) {
            return false;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    /** Refills the read buffer; false at the end of the body. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Appends bytes of the read buffer to the line; beyond the longest allowed line, only notes that it is too long. */
    private void append(int from, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (length + count > maxLineBytes) {
            tooLong = true;
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + count, line.length * 2)));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
