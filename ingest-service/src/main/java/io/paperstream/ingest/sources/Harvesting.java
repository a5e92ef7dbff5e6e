package io.paperstream.ingest.sources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The harvest loops while this instance holds the lease: one thread per source, each harvesting, then waiting the
 * interval (or, after a failure, the shorter backoff maximum), until {@link #stop()}.
 */
public final class Harvesting implements KafkaLease.Holder {
    private static final Logger LOG = Logger.getLogger(Harvesting.class);

    /** One source's harvest, given the checkpoints of this lease. */
    public interface Harvest {
        void run() throws InterruptedException;
    }

    /** A source: its status and how to build its harvest for a lease's checkpoints. */
    public record Source(SourceStatus status, Function<Checkpoints, Harvest> harvest) {}

    private final List<Source> sources;
    private final Duration interval;
    private final Duration afterFailure;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean leader;

    public Harvesting(List<Source> sources, Duration interval, Duration afterFailure) {
        this.sources = List.copyOf(sources);
        this.interval = interval;
        this.afterFailure = afterFailure.compareTo(interval) < 0 ? afterFailure : interval;
    }

    public boolean leader() {
        return leader;
    }

    @Override
    public synchronized void acquired(Checkpoints checkpoints) {
        stop();
        leader = true;
        for (Source source : sources) {
            Harvest harvest = source.harvest().apply(checkpoints);
            Thread thread = new Thread(
                    () -> loop(source.status(), harvest),
                    "paperstream-harvest-" + source.status().source());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void lost() {
        stop();
    }

    /** Interrupts the harvests and waits until they stopped. */
    public synchronized void stop() {
        leader = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
                if (thread.isAlive()) {
                    LOG.warnf("sources: %s did not stop within 30 s", thread.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(Math.max(1, duration.toMillis()));
    }

    private void loop(SourceStatus status, Harvest harvest) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                boolean ok = false;
                status.running(true);
                try {
                    harvest.run();
                    ok = true;
                } catch (SourceFailure e) {
                    if (!e.logged()) {
                        LOG.warnf("%s: %s", status.source(), e.getMessage());
                    }
                    status.failed(e.getMessage());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: the harvest failed unexpectedly", status.source());
                    status.failed(e.toString());
                } finally {
                    status.running(false);
                }
                Duration wait = ok ? interval : afterFailure;
                if (!ok) {
                    LOG.infof("%s: next attempt in %s s, from the checkpoint", status.source(), wait.toSeconds());
                }
                sleep(wait);
            }
        } catch (InterruptedException e) {
            // lease lost or shutting down
        }
        status.running(false);
    }
}
