package io.paperstream.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens from a mounted Secret file: parsed, re-read after the interval, kept when the file vanishes for a moment. */
class SecretFileTest {
    @TempDir
    Path dir;

    @Test
    void valuesAreLinesOrCommaSeparatedWithoutBlanksOrComments() {
        assertThat(SecretFile.parse("# rotated 2026-12\n old-token, new-token \n\n third\n"))
                .containsExactly("old-token", "new-token", "third");
    }

    @Test
    void aChangedFileTakesEffectAfterTheIntervalWithoutARestart() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "first\n");
        AtomicLong clock = new AtomicLong();
        SecretFile secret = new SecretFile(file, Duration.ofSeconds(10), clock::get);
        assertThat(secret.values()).containsExactly("first");

        Files.writeString(file, "first,second\n");
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(secret.values()).as("not re-read within the interval").containsExactly("first");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(secret.values()).containsExactly("first", "second");

        Files.delete(file);
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(secret.values())
                .as("a file missing for a moment keeps the last values")
                .containsExactly("first", "second");
        Files.writeString(file, "second\n");
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(secret.values()).containsExactly("second");
    }

    @Test
    void aMissingFileAtStartIsAClearError() {
        assertThatThrownBy(() -> new SecretFile(dir.resolve("absent"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read the secret file");
    }

    @Test
    void valuesAreAnImmutableList() {
        assertThat(SecretFile.parse("a")).isInstanceOf(List.class).isUnmodifiable();
    }
}
