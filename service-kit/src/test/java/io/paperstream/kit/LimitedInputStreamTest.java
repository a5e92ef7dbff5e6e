package io.paperstream.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
    private static LimitedInputStream of(int size, long limit) {
        return new LimitedInputStream(
                new ByteArrayInputStream(new byte[size]), limit, l -> new IllegalStateException("over " + l));
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        LimitedInputStream in = of(100, 100);
        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.count()).isEqualTo(100);
        assertThat(in.exceeded()).isFalse();
    }

    @Test
    void theFirstBytePastTheLimitThrowsTheCallersException() {
        LimitedInputStream in = of(101, 100);
        assertThatThrownBy(in::readAllBytes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("over 100");
        assertThat(in.exceeded()).isTrue();
    }

    @Test
    void singleBytesAndSkipsCountToo() throws IOException {
        LimitedInputStream in = of(10, 5);
        assertThat(in.skip(3)).isEqualTo(3);
        in.read();
        in.read();
        assertThatThrownBy(in::read).hasMessage("over 5");
    }
}
