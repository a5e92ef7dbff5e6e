package io.paperstream.kit;

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Lz4CodecTest {
    @Test
    void afterLoadingTheNativeCodecTheKafkaClientsChoiceIsTheNativeOne() {
        assertThat(Lz4Codec.preferNative()).isEqualTo("LZ4Factory:JNI");
        assertThat(LZ4Factory.fastestInstance().fastCompressor().getClass().getSimpleName()).isEqualTo("LZ4JNICompressor");
    }
}
