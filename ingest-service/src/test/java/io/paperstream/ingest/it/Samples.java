package io.paperstream.ingest.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: files under src/test/resources/samples and the project's sample digest. */
final class Samples {
    /** The project's sample data, shared with the local run; relative to the module directory (Maven's cwd). */
    static final Path DIGEST = Path.of("../deploy/local/sample/daily-papers-sample.txt");

    private Samples() {}

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] digest() {
        try {
            return Files.readAllBytes(DIGEST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
