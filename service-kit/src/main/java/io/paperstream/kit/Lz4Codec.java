package io.paperstream.kit;

import net.jpountz.lz4.LZ4Factory;

/**
 * The topics are lz4-compressed, and the Kafka client picks its codec with {@code LZ4Factory.fastestInstance()}. That
 * method only tries the native (JNI) codec when lz4-java was loaded by the system class loader; under Quarkus' class
 * loader it silently settles for the pure-Java "safe" codec, which is several times slower and was most of the
 * producer thread's time in the ingest benchmark. Loading the native codec once, explicitly, makes every later
 * {@code fastestInstance()} answer the native one. Where the native library cannot be loaded (an unsupported
 * platform, no writable temporary directory) the Java codec stays in use and nothing else changes.
 */
public final class Lz4Codec {
    private Lz4Codec() {}

    /** Loads the native codec if possible; answers the implementation the Kafka client will now use, e.g. "JNI". */
    public static String preferNative() {
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable e) { // UnsatisfiedLinkError, IOException wrapped, unsupported OS/arch: keep the Java codec
            return LZ4Factory.fastestInstance() + " (native codec unavailable: " + e + ")";
        }
        return LZ4Factory.fastestInstance().toString();
    }
}
