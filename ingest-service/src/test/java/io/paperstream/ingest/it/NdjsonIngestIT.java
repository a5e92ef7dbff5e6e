package io.paperstream.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.paperstream.testsupport.TopicMark;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** application/x-ndjson: a body streamed (chunked, no Content-Length) through the service, bad lines rejected one by one. */
@IngestIT
class NdjsonIngestIT {

    @Test
    void aStreamedBodyIsPublishedInChunksWithPerLineOutcomes() {
        int papers = 3000;
        String run = UUID.randomUUID().toString();
        TopicMark mark = RawTopic.mark();
        Api.authorized()
                .contentType("application/x-ndjson")
                .body(new GeneratedNdjson(papers, run))
                .post(Api.PAPERS)
                .then()
                .statusCode(202)
                .body("format", equalTo("ndjson"))
                .body("received", equalTo(papers + 2))
                .body("accepted", equalTo(papers))
                .body("rejected", equalTo(2))
                .body("records[1].status", equalTo("rejected"))
                .body("records[1].location", equalTo("line 2"))
                .body("records[1].errors[0].code", equalTo("malformed-json"))
                .body("records[3].errors[0].code", equalTo("missing"));
        List<ConsumerRecord<String, String>> records = mark.awaitRecords(papers);
        assertThat(records).hasSize(papers);
        records.forEach(RawTopic::assertCloudEvents);
        assertThat(records.get(0).value()).contains(run);
    }

    @Test
    void aStreamedBodyOverTheNdjsonLimitIs413() {
        // %test: 32M. Blank lines only, so nothing would be published before the limit.
        TopicMark mark = RawTopic.mark();
        InputStream blanks = new InputStream() {
            private long left = 33L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) '\n');
                left -= n;
                return n;
            }
        };
        Api.authorized()
                .contentType("application/x-ndjson")
                .body(blanks)
                .post(Api.PAPERS)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("33554432"));
        assertThat(mark.written()).isZero();
    }

    /** Papers as NDJSON, generated while read: line 2 is malformed JSON and line 4 lacks an abstract. */
    static final class GeneratedNdjson extends InputStream {
        private final int papers;
        private final String run;
        private int line;
        private byte[] current = new byte[0];
        private int position;

        GeneratedNdjson(int papers, String run) {
            this.papers = papers;
            this.run = run;
        }

        @Override
        public int read() {
            if (position == current.length && !advance()) {
                return -1;
            }
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == current.length && !advance()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        private boolean advance() {
            if (line >= papers + 2) {
                return false;
            }
            line++;
            String text =
                    switch (line) {
                        case 2 -> "{\"title\": \"broken";
                        case 4 -> "{\"title\": \"No abstract " + run + "\"}";
                        default ->
                            "{\"title\": \"Streamed paper " + line + " " + run + "\", \"abstract\": \"An abstract for"
                                    + " paper " + line
                                    + " that is long enough to pass validation.\", \"authors\": [\"A\"]}";
                    };
            current = (text + "\r\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
