package io.paperstream.e2e;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs another program's {@code main} (the first argument names its class, the rest are its arguments) and, when the
 * JVM exits, prints the CPU time its process used, as a timeline, for {@link KafkaTools} to read: what Kafka's own
 * tools spend per record, next to what a service spends. A timeline, because a tool's whole run includes its JVM's
 * start and its own setup (ProducerPerformance reads and splits its payload file first); the caller takes the part
 * it measured (the last seconds, when the tool ends with its measured phase).
 */
public final class CpuReporting {
    /** Each line: {@code PREFIX <ms since start> <CPU ns>}. */
    static final String PREFIX = "paperstream.process.cpu";

    private static final long EVERY_MS = 20;

    private CpuReporting() {}

    public static void main(String[] args) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        Thread sampler = new Thread(() -> {
            try {
                while (true) {
                    samples.add(((System.nanoTime() - start) / 1_000_000) + " " + os.getProcessCpuTime());
                    Thread.sleep(EVERY_MS);
                }
            } catch (InterruptedException e) {
                // the JVM exits
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        // a hook, not code after main: a tool may end with System.exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            samples.add(((System.nanoTime() - start) / 1_000_000) + " " + os.getProcessCpuTime());
            StringBuilder out = new StringBuilder();
            samples.forEach(s -> out.append(PREFIX).append(' ').append(s).append('\n'));
            System.out.print(out);
        }));
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
    }
}
