package io.paperstream.kit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads the native lz4 codec ({@link Lz4Codec}) before the messaging channels start (their priority is 1000): the
 * Kafka client fixes its lz4 decompressor when it first reads a compressed batch, so this must come first.
 */
@ApplicationScoped
public class NativeLz4 {
    void load(@Observes @Priority(1) StartupEvent event) {
        Log.infof("lz4 codec for Kafka: %s", Lz4Codec.preferNative());
    }
}
