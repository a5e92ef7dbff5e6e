package io.paperstream.query.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc} (Linux), so that benchmark figures can be read per CPU-second as well as per
 * wall-clock second on a machine shared with other work.
 */
final class CpuTime {
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private CpuTime() {}

    /** User + system CPU seconds of one process. */
    static double ofProcess(long pid) {
        long[] f = fields(pid);
        return f == null ? 0 : (f[0] + f[1]) / TICKS;
    }

    /** User + system CPU seconds of a process, its reaped children and its live children. */
    static double ofTree(long pid) throws IOException {
        long[] f = fields(pid);
        if (f == null) {
            return 0;
        }
        double total = (f[0] + f[1] + f[2] + f[3]) / TICKS;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long child = Long.parseLong(p.getFileName().toString());
                long[] c = fields(child);
                if (c != null && c[4] == pid) {
                    total += (c[0] + c[1]) / TICKS;
                }
            }
        }
        return total;
    }

    static long parentOf(long pid) {
        long[] f = fields(pid);
        if (f == null) {
            throw new IllegalStateException("no process " + pid);
        }
        return f[4];
    }

    /** CPU seconds of this JVM (the in-process Kafka broker and the load client live here). */
    static double ofThisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** utime, stime, cutime, cstime, ppid; null when the process is gone. */
    private static long[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return new long[] {
                Long.parseLong(f[11]),
                Long.parseLong(f[12]),
                Long.parseLong(f[13]),
                Long.parseLong(f[14]),
                Long.parseLong(f[1])
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
