package io.paperstream.kit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class Lz4CodecTest {
    @Test
    void afterLoadingTheNativeCodecTheKafkaClientsChoiceIsTheNativeOne() {
        assertThat(Lz4Codec.preferNative()).isEqualTo("LZ4Factory:JNI");
        assertThat(LZ4Factory.fastestInstance().fastCompressor().getClass().getSimpleName())
                .isEqualTo("LZ4JNICompressor");
    }
}
