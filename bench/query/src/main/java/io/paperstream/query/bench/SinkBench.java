package io.paperstream.query.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Sink throughput: papers/s that query-service stores from a pre-filled {@code papers.enriched}, against PostgreSQL's
 * own {@code COPY} of the same rows into a table of the same shape (same columns, same indexes). Prints the figures
 * and the ratio. Run with {@code bench/query/sink-bench.sh}; not part of the build.
 *
 * <p>Options: {@code --records N} (100000), {@code --runs R} (3), {@code --sample path}, {@code --jar path},
 * {@code --env NAME=VALUE} (repeatable, passed to query-service, e.g. to try another max.poll.records).
 */
public final class SinkBench {
    private SinkBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--env")) {
                String[] kv = args[i + 1].split("=", 2);
                env.put(kv[0], kv[1]);
            } else {
                opts.put(args[i].substring(2), args[i + 1]);
            }
        }
        int records = Integer.parseInt(opts.getOrDefault("records", "100000"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
        Path sample = Path.of(opts.getOrDefault("sample", "../../deploy/local/sample/daily-papers-sample.txt"));
        Path jar = Path.of(opts.getOrDefault("jar", "../../query-service/target/quarkus-app/quarkus-run.jar"));
        Path work = BenchStack.workDir();

        try (BenchStack stack = new BenchStack();
                Connection db = stack.jdbc()) {
            BenchCorpus corpus = new BenchCorpus(sample, 42);
            long t = System.nanoTime();
            stack.produce(corpus, records);
            System.out.printf(
                    Locale.ROOT,
                    "produced %d records to papers.enriched in %.1f s%n",
                    records,
                    (System.nanoTime() - t) / 1e9);

            List<Double> sinkRates = new ArrayList<>();
            List<Double> sinkCpu = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                if (BenchStack.tableExists(db, "paper")) {
                    exec(db, "TRUNCATE paper");
                }
                stack.startApp(
                        jar,
                        "sink-bench-" + run + "-" + System.nanoTime(),
                        env,
                        work.resolve("sink-app-" + run + ".log"));
                Cpu before = Cpu.of(stack);
                double rate = awaitStored(db, records);
                Cpu used = Cpu.of(stack).minus(before);
                stack.stopApp();
                sinkRates.add(rate);
                sinkCpu.add(used.total() * 1000 / records);
                System.out.printf(
                        Locale.ROOT,
                        "sink run %d: %.0f papers/s; CPU s per 1000 papers: %.2f (service %.2f, "
                                + "PostgreSQL %.2f, broker+bench %.2f)%n",
                        run,
                        rate,
                        used.total() * 1000 / records,
                        used.app() * 1000 / records,
                        used.postgres() * 1000 / records,
                        used.bench() * 1000 / records);
            }
            exec(db, "VACUUM ANALYZE paper");

            // "the same shape": LIKE paper INCLUDING ALL, i.e. the same columns, defaults, indexes and the generated
            // search vector, which COPY computes like any other write; COPY carries the other columns as stored.
            String columns = String.join(", ", columns(db, "NEVER"));
            Path rows = work.resolve("paper-rows.copy");
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = Files.newOutputStream(rows)) {
                copy.copyOut("COPY paper (" + columns + ") TO STDOUT", out);
            }
            List<Double> copyRates = new ArrayList<>();
            List<Double> copyCpu = new ArrayList<>();
            copyRuns(stack, db, copy, rows, runs, "LIKE paper INCLUDING ALL", columns, "COPY", copyRates, copyCpu);
            Files.deleteIfExists(rows);
            // for reference: rows with the search vector already computed, into a plain tsvector column
            String all = String.join(", ", columns(db, null));
            try (OutputStream out = Files.newOutputStream(rows)) {
                copy.copyOut("COPY (SELECT " + all + " FROM paper) TO STDOUT", out);
            }
            List<Double> plainRates = new ArrayList<>();
            copyRuns(
                    stack,
                    db,
                    copy,
                    rows,
                    runs,
                    "LIKE paper INCLUDING ALL EXCLUDING GENERATED",
                    all,
                    "COPY with precomputed search vector",
                    plainRates,
                    new ArrayList<>());
            Files.deleteIfExists(rows);

            double sink = BenchStack.median(sinkRates);
            double copyRate = BenchStack.median(copyRates);
            System.out.printf(
                    Locale.ROOT,
                    "%nRESULT records=%d runs=%d cores=%d%n",
                    records,
                    runs,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "RESULT sink median   %8.0f papers/s%n", sink);
            System.out.printf(Locale.ROOT, "RESULT COPY median   %8.0f rows/s%n", copyRate);
            System.out.printf(Locale.ROOT, "RESULT sink/COPY     %8.0f %%  (target >= 60 %%)%n", 100 * sink / copyRate);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT (reference) COPY with the search vector precomputed: %.0f rows/s; " + "sink/that %.0f %%%n",
                    BenchStack.median(plainRates),
                    100 * sink / BenchStack.median(plainRates));
            System.out.printf(
                    Locale.ROOT,
                    "RESULT CPU s per 1000: sink %.2f, COPY %.2f; per CPU-second sink/COPY %.0f %%%n",
                    BenchStack.median(sinkCpu),
                    BenchStack.median(copyCpu),
                    100 * BenchStack.median(copyCpu) / BenchStack.median(sinkCpu));
            System.out.printf(
                    Locale.ROOT,
                    "RESULT load average during the run: %s%n",
                    Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    /**
     * Waits until all records are stored; the rate is measured from the first stored batch seen to the last, so JVM
     * start-up and partition assignment are not counted.
     */
    private static double awaitStored(Connection db, int records) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        long t0 = 0;
        long c0 = 0;
        while (System.nanoTime() < deadline) {
            long c = BenchStack.tableExists(db, "paper") ? BenchStack.count(db, "SELECT count(*) FROM paper") : 0;
            long now = System.nanoTime();
            if (c > 0 && t0 == 0) {
                t0 = now;
                c0 = c;
            }
            if (c >= records) {
                return (c - c0) / ((now - t0) / 1e9);
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the sink did not store " + records + " papers in 10 minutes");
    }

    private static void copyRuns(
            BenchStack stack,
            Connection db,
            CopyManager copy,
            Path rows,
            int runs,
            String shape,
            String columns,
            String label,
            List<Double> rates,
            List<Double> cpu)
            throws Exception {
        exec(db, "DROP TABLE IF EXISTS paper_copy");
        exec(db, "CREATE TABLE paper_copy (" + shape + ")");
        for (int run = 1; run <= runs; run++) {
            exec(db, "TRUNCATE paper_copy");
            Cpu before = Cpu.of(stack);
            long start = System.nanoTime();
            long n;
            try (InputStream in = Files.newInputStream(rows)) {
                n = copy.copyIn("COPY paper_copy (" + columns + ") FROM STDIN", in);
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            Cpu used = Cpu.of(stack).minus(before);
            rates.add(rate);
            cpu.add(used.total() * 1000 / n);
            System.out.printf(
                    Locale.ROOT,
                    "%s run %d: %.0f rows/s; CPU s per 1000 rows: %.2f (PostgreSQL %.2f, " + "client %.2f)%n",
                    label,
                    run,
                    rate,
                    used.total() * 1000 / n,
                    used.postgres() * 1000 / n,
                    used.bench() * 1000 / n);
        }
        exec(db, "DROP TABLE paper_copy");
    }

    /** The columns of paper, in order; only those with the given is_generated value unless null. */
    private static List<String> columns(Connection db, String generated) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Statement s = db.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "SELECT column_name, is_generated FROM information_schema.columns WHERE table_name = 'paper' "
                                + "ORDER BY ordinal_position")) {
            while (rs.next()) {
                if (generated == null || generated.equals(rs.getString(2))) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** CPU seconds used by the service, by PostgreSQL, and by this JVM (broker and client). */
    record Cpu(double app, double postgres, double bench) {
        static Cpu of(BenchStack stack) throws Exception {
            return new Cpu(stack.appCpuSeconds(), stack.postgresCpuSeconds(), CpuTime.ofThisJvm());
        }

        Cpu minus(Cpu o) {
            return new Cpu(app - o.app, postgres - o.postgres, bench - o.bench);
        }

        double total() {
            return app + postgres + bench;
        }
    }

    private static void exec(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
