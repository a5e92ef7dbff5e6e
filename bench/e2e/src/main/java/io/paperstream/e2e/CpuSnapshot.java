package io.paperstream.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a benchmark window's CPU went, read from Linux's /proc (elsewhere every figure is 0): the whole machine's busy
 * and idle time, and one JVM's time by thread kind (JIT compiler, garbage collector, the rest), from the thread names
 * HotSpot gives its native threads. Times are in clock ticks (USER_HZ, 100 per second on Linux).
 */
record CpuSnapshot(long machineBusy, long machineIdle, long jit, long gc, long jvm) {
    private static final double TICK_SECONDS = 0.01;
    /** How HotSpot names its garbage collector's native threads. */
    private static final List<String> GC_THREADS = List.of("GC Thread", "G1 ", "VM Periodic", "GC ");

    static CpuSnapshot take(long pid) {
        long busy = 0;
        long idle = 0;
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                long v = Long.parseLong(cpu[i]);
                if (i == 4 || i == 5) {
                    idle += v;
                } else {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new CpuSnapshot(0, 0, 0, 0, 0);
        }
        long jit = 0;
        long gc = 0;
        long all = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime stime
                all += ticks;
                if (name.contains("CompilerThre")) {
                    jit += ticks;
                } else if (isGc(name)) {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: zeros
        }
        return new CpuSnapshot(busy, idle, jit, gc, all);
    }

    private static boolean isGc(String name) {
        return GC_THREADS.stream().anyMatch(name::startsWith);
    }

    /** This window's figures, {@code this} being its start, as one line for a report over {@code papers} papers. */
    String report(CpuSnapshot end, int papers) {
        long busy = end.machineBusy - machineBusy;
        long idle = end.machineIdle - machineIdle;
        if (busy + idle == 0) {
            return "(no /proc: no CPU breakdown)";
        }
        return String.format(
                "machine %.0f%% busy (%.1f of %d cores); in the service per paper: JIT %.0f µs, GC %.0f µs, the rest"
                        + " %.0f µs (live threads only)",
                100.0 * busy / (busy + idle),
                Runtime.getRuntime().availableProcessors() * (double) busy / (busy + idle),
                Runtime.getRuntime().availableProcessors(),
                perPaper(end.jit - jit, papers),
                perPaper(end.gc - gc, papers),
                perPaper((end.jvm - jvm) - (end.jit - jit) - (end.gc - gc), papers));
    }

    private static double perPaper(long ticks, int papers) {
        return ticks * TICK_SECONDS * 1e6 / papers;
    }
}
