package io.paperstream.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class-data sharing archive (AppCDS) for the broker's JVM, so that a restarted broker maps its ~7,000 classes
 * (Kafka, Scala, the JDK) from one file instead of reading, parsing and verifying them from the jars: about 2 s less CPU
 * per start (faults/README.md). Java 17 has no {@code -XX:+AutoCreateSharedArchive}, and a dynamic archive is only
 * written when a JVM exits normally, which a killed broker does not. So the first broker records the classes it loads
 * ({@code -XX:DumpLoadedClassList}); a little after it is ready, a separate {@code java -Xshare:dump} builds a static
 * archive from that list in the background, and every later broker start maps it ({@code -Xshare:auto}: a JVM that
 * finds it unusable starts without it).
 *
 * <p>The archive is valid only for this JVM and these exact jars, so its name carries a digest of both; it lives in the
 * broker's data directory (gone with {@code --clean}).
 */
final class BrokerClassData {
    /** How long the first broker works before its class list is taken: also the classes it needs to serve clients. */
    private static final long DUMP_AFTER_MILLIS = 10_000;

    private final Path dir;
    private final Path archive;
    private final Path classList;
    private boolean dumpStarted;
    private Process dump;

    BrokerClassData(Path dir) {
        this.dir = dir;
        String key = key();
        this.archive = dir.resolve("kafka-broker-" + key + ".jsa");
        this.classList = dir.resolve("kafka-broker-" + key + ".classlist");
    }

    /** Options for the next broker JVM: map the archive when there is one, else record the classes it loads. */
    synchronized List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        if (dumpStarted) {
            return List.of(); // the archive is being built from the first broker's list
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return List.of();
        }
        return List.of("-XX:DumpLoadedClassList=" + classList);
    }

    /** Called when a broker is ready: the first time, builds the archive in the background. */
    synchronized void brokerStarted() {
        if (dumpStarted || Files.isRegularFile(archive) || !Files.isRegularFile(classList)) {
            return;
        }
        dumpStarted = true;
        Thread thread = new Thread(this::dump, "kafka-broker-class-data");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops a dump under way (the local stack is stopping). */
    synchronized void close() {
        if (dump != null) {
            dump.destroyForcibly();
        }
    }

    private void dump() {
        Path list = dir.resolve(classList.getFileName() + ".taken");
        Path partial = dir.resolve(archive.getFileName() + ".partial");
        try {
            Thread.sleep(DUMP_AFTER_MILLIS);
            // the broker appends to its list as it loads classes: take the complete lines
            byte[] bytes = Files.readAllBytes(classList);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            Files.write(list, Arrays.copyOf(bytes, end));
            Process process;
            synchronized (this) {
                process = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xshare:dump",
                                "-XX:SharedClassListFile=" + list,
                                "-XX:SharedArchiveFile=" + partial,
                                "-cp",
                                System.getProperty("java.class.path"))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("class-data-dump.log").toFile())
                        .start();
                dump = process;
            }
            if (process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
                System.out.println("local-stack: class-data archive for the broker's next starts: " + archive);
            } else {
                process.destroyForcibly();
                System.out.println("local-stack: no class-data archive for the broker (see "
                        + dir.resolve("class-data-dump.log") + "); it starts without one");
            }
        } catch (IOException e) {
            System.out.println("local-stack: no class-data archive for the broker (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A digest of the JVM and the class path (each jar's path, size and time): what the archive was built for. */
    private static String key() {
        StringBuilder id = new StringBuilder()
                .append(System.getProperty("java.home"))
                .append('|')
                .append(System.getProperty("java.vm.version"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            id.append('|').append(path);
            try {
                id.append(':').append(Files.size(path)).append(':').append(Files.getLastModifiedTime(path));
            } catch (IOException e) {
                id.append(":?");
            }
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
