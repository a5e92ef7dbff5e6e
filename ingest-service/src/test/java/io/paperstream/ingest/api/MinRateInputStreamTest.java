package io.paperstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MinRateInputStreamTest {

    /** A client that sends one byte every {@code millis}. */
    private static InputStream trickle(int bytes, long millis) {
        return new InputStream() {
            int left = bytes;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    return -1;
                }
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return 'x';
            }
        };
    }

    @Test
    void aTrickleIsCutAfterTheGraceWith408() {
        InputStream in = new MinRateInputStream(trickle(1000, 20), 1000, TimeUnit.MILLISECONDS.toNanos(200));
        assertThatThrownBy(() -> in.readAllBytes()).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(408);
            assertThat(e.headers()).containsEntry("Connection", "close");
        });
    }

    @Test
    void aFastBodyPasses() throws IOException {
        byte[] body = new byte[1_000_000];
        assertThat(new MinRateInputStream(new ByteArrayInputStream(body), 1024, 0).readAllBytes())
                .hasSize(body.length);
    }

    @Test
    void timeTheServiceTakesBetweenReadsIsNotTheClients() throws Exception {
        InputStream in = new MinRateInputStream(
                new ByteArrayInputStream(new byte[10]), 1_000_000, TimeUnit.MILLISECONDS.toNanos(50));
        for (int i = 0; i < 10; i++) {
            assertThat(in.read()).isZero();
            Thread.sleep(20); // e.g. waiting for Kafka's acknowledgements: 200 ms in all, no read outstanding
        }
        assertThat(in.read()).isEqualTo(-1);
    }
}
