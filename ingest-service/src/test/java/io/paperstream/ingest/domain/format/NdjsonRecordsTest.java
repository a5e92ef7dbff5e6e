package io.paperstream.ingest.domain.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import io.paperstream.kit.LimitedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NDJSON read lazily line by line, bad lines rejected alone, the body bound enforced. */
class NdjsonRecordsTest {
    private static final String PAPER = "{\"title\": \"T\", \"abstract\": \"A\"}";

    private static List<SourceRecord> read(byte[] body, int maxLine) {
        List<SourceRecord> out = new ArrayList<>();
        new NdjsonRecords(new ByteArrayInputStream(body), maxLine).forEachRemaining(out::add);
        return out;
    }

    private static String code(SourceRecord r) {
        return r.readErrors().stream().map(Violation::code).findFirst().orElse("ok");
    }

    @Test
    void eachLineIsARecordWithItsLineNumber() {
        String body = PAPER + "\r\n\n   \n[1]\n{\"title\": \n"
                + "{\"paper\": {\"id\": \"2503.10622\", \"summary\": \"S\"}}\n" + "{\"title\": 42}\n" + PAPER;
        List<SourceRecord> records = read(body.getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(records)
                .extracting(SourceRecord::location)
                .containsExactly("line 1", "line 4", "line 5", "line 6", "line 7", "line 8");
        assertThat(records).extracting(SourceRecord::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(records)
                .extracting(NdjsonRecordsTest::code)
                .containsExactly("ok", "not-an-object", "malformed-json", "ok", "wrong-type", "ok");
        assertThat(records.get(3).input().arxivId()).isEqualTo("2503.10622");
    }

    @Test
    void linesSplitAcrossReadsOfAnySizeAreTheSameRecords() {
        String longLine = "{\"title\": \"" + "y".repeat(150) + "\"}";
        String body = PAPER + "\r\n\n" + longLine + "\n{\"title\": \"" + "z".repeat(85) + "\"}\r\n" + PAPER + "\n\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> whole =
                read(bytes, 100).stream().map(r -> r.location() + " " + code(r)).toList();
        assertThat(whole).containsExactly("line 1 ok", "line 3 line-too-long", "line 4 ok", "line 5 ok");
        for (int chunk = 1; chunk <= 9; chunk++) {
            int size = chunk;
            InputStream trickle = new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, size));
                }
            };
            List<SourceRecord> out = new ArrayList<>();
            new NdjsonRecords(trickle, 100).forEachRemaining(out::add);
            assertThat(out.stream().map(r -> r.location() + " " + code(r)).toList())
                    .as("reads of %d bytes", size)
                    .isEqualTo(whole);
            assertThat(out.get(2).input().title()).hasSize(85);
        }
    }

    @Test
    void tooLongAndInvalidUtf8LinesAreRejectedAlone() {
        byte[] bad = {'{', '"', (byte) 0xFF, '"', '}', '\n'};
        String longLine = "{\"title\": \"" + "x".repeat(200) + "\"}\n";
        byte[] body = concat(bad, longLine.getBytes(StandardCharsets.UTF_8), PAPER.getBytes(StandardCharsets.UTF_8));
        assertThat(read(body, 100))
                .extracting(NdjsonRecordsTest::code)
                .containsExactly("invalid-utf8", "line-too-long", "ok");
    }

    @Test
    void readsLazilyWithinTheBound() {
        // An endless body: only what is asked for is read.
        InputStream endless = new InputStream() {
            private final byte[] line = (PAPER + "\n").getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                return line[(int) (position++ % line.length)];
            }
        };
        NdjsonRecords records = new NdjsonRecords(endless, 1000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(records.next().readable()).isTrue();
        }
    }

    @Test
    void theBodyLimitStopsReading() {
        byte[] body = (PAPER + "\n").repeat(100).getBytes(StandardCharsets.UTF_8);
        NdjsonRecords records = new NdjsonRecords(
                new LimitedInputStream(new ByteArrayInputStream(body), 500, BodyTooLargeException::new), 1000);
        assertThatThrownBy(() -> records.forEachRemaining(r -> {})).isInstanceOf(BodyTooLargeException.class);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
