package io.paperstream.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.PaperJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API latency and throughput with 100,000 papers stored (through the real sink): for each typical query, {@code wrk}
 * at rising concurrency; prints requests/s, p50 and p99 per level, and the p99 at the level where throughput peaks.
 * Run with {@code bench/query/api-bench.sh}; not part of the build.
 *
 * <p>Options: {@code --records N} (100000), {@code --duration S} per level (10), {@code --levels 1,2,4,8,16,32},
 * {@code --scenarios search,tag,facets,facets-q,deep}, {@code --warmup S} per scenario before measuring (20), {@code --env NAME=VALUE} (repeatable, passed to
 * query-service, e.g. another pool size), {@code --hold} (keep the stack up after loading, for manual probing);
 * system property {@code wrk.threads} (1).
 */
public final class ApiBench {
    private static final Pattern LATENCY = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern RPS = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");

    private ApiBench() {}

    record Level(int connections, double rps, double p50, double p99, long errors, double cpuMsPerRequest) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--hold")) {
                opts.put("hold", "true");
            } else if (args[i].equals("--env")) {
                String[] kv = args[++i].split("=", 2);
                env.put(kv[0], kv[1]);
            } else {
                opts.put(args[i].substring(2), args[++i]);
            }
        }
        int records = Integer.parseInt(opts.getOrDefault("records", "100000"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "10"));
        List<Integer> levels = new ArrayList<>();
        for (String l : opts.getOrDefault("levels", "1,2,4,8,16,32").split(",")) {
            levels.add(Integer.parseInt(l.trim()));
        }
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "20"));
        List<String> wanted = List.of(opts.getOrDefault("scenarios", "search,tag,facets,facets-q,deep")
                .split(","));
        Path sample = Path.of(opts.getOrDefault("sample", "../../deploy/local/sample/daily-papers-sample.txt"));
        Path jar = Path.of(opts.getOrDefault("jar", "../../query-service/target/quarkus-app/quarkus-run.jar"));
        Path work = BenchStack.workDir();

        try (BenchStack stack = new BenchStack();
                Connection db = stack.jdbc()) {
            BenchCorpus corpus = new BenchCorpus(sample, 42);
            stack.produce(corpus, records);
            stack.startApp(jar, "api-bench", env, work.resolve("api-app.log"));
            long t = System.nanoTime();
            while (!BenchStack.tableExists(db, "paper")
                    || BenchStack.count(db, "SELECT count(*) FROM paper") < records) {
                Thread.sleep(500);
            }
            System.out.printf(
                    Locale.ROOT,
                    "stored %d papers through the sink in %.0f s%n",
                    records,
                    (System.nanoTime() - t) / 1e9);
            try (Statement s = db.createStatement()) {
                // what autovacuum does on its own a little later: fresh statistics and visibility map
                s.execute("VACUUM ANALYZE paper");
            }
            String base = stack.baseUrl();
            if (opts.containsKey("hold")) {
                System.out.println("HOLD: service " + base + ", database " + stack.postgres.jdbcUrl()
                        + " (paperstream/paperstream); Ctrl-C to stop");
                Thread.sleep(Long.MAX_VALUE);
            }
            Map<String, List<String>> scenarios = scenarios(base, corpus, records);
            printSelectivity(db, scenarios.get("search"));
            // warm-up before anything is measured: every scenario in turn, so that the service's JIT has compiled the
            // paths of all of them (with the 5 s per scenario used before, the later, more concurrent levels ran on a
            // warmer JVM than the first ones and throughput seemed to grow with concurrency for that reason alone)
            Map<String, Path> scripts = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
                if (wanted.contains(scenario.getKey())) {
                    Path paths = work.resolve(scenario.getKey() + ".paths");
                    Files.write(paths, scenario.getValue());
                    Path script = work.resolve(scenario.getKey() + ".lua");
                    Files.writeString(script, lua(paths));
                    scripts.put(scenario.getKey(), script);
                }
            }
            for (int round = 0; round < 2; round++) {
                for (Path script : scripts.values()) {
                    run(stack, base, script, 2, warmup / 2);
                }
            }
            Map<String, List<Level>> results = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
                if (!wanted.contains(scenario.getKey())) {
                    continue;
                }
                Path script = scripts.get(scenario.getKey());
                run(stack, base, script, 4, 3); // settle at the first level's load, not reported
                List<Level> measured = new ArrayList<>();
                for (int c : levels) {
                    Level level = run(stack, base, script, c, duration);
                    measured.add(level);
                    System.out.printf(
                            Locale.ROOT,
                            "%-9s c=%-3d %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  "
                                    + "CPU (service+PostgreSQL) %.2f ms/request%s%n",
                            scenario.getKey(),
                            c,
                            level.rps(),
                            level.p50(),
                            level.p99(),
                            level.cpuMsPerRequest(),
                            level.errors() > 0 ? "  (" + level.errors() + " non-2xx/errors)" : "");
                }
                results.put(scenario.getKey(), measured);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nRESULT papers=%d cores=%d duration=%ds per level, wrk -t%d; load average %s%n",
                    records,
                    Runtime.getRuntime().availableProcessors(),
                    duration,
                    WRK_THREADS,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            for (Map.Entry<String, List<Level>> r : results.entrySet()) {
                // where throughput peaks: the lowest concurrency within 5 % of the best throughput (past it, more
                // connections only queue)
                double best =
                        r.getValue().stream().mapToDouble(Level::rps).max().orElseThrow();
                Level peak = r.getValue().stream()
                        .filter(l -> l.rps() >= 0.95 * best)
                        .findFirst()
                        .orElseThrow();
                System.out.printf(
                        Locale.ROOT,
                        "RESULT %-9s peak %7.0f req/s at c=%-3d p50 %6.2f ms  p99 %6.2f ms  "
                                + "CPU %.2f ms/request  %s%n",
                        r.getKey(),
                        peak.rps(),
                        peak.connections(),
                        peak.p50(),
                        peak.p99(),
                        peak.cpuMsPerRequest(),
                        peak.p99() < 50 ? "(target p99 < 50 ms: met)" : "(target p99 < 50 ms: NOT met)");
            }
        }
    }

    private static final int WRK_THREADS = Integer.getInteger("wrk.threads", 1);
    private static final java.util.Set<String> STOPWORDS = java.util.Set.of(
            "a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "by", "via", "from", "at", "as", "is",
            "are", "we", "our", "this", "that", "it", "be", "into", "its", "their", "can", "not", "than", "these",
            "which");

    /**
     * Typical queries, each scenario a list of request paths that wrk cycles through. Searches are what a reader types
     * after seeing a title: two or three consecutive words of a stored paper's title (one in ten as a quoted phrase).
     */
    static Map<String, List<String>> scenarios(String base, BenchCorpus corpus, int records) throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        List<String> queries = new ArrayList<>();
        while (queries.size() < 60) {
            List<String> words = new ArrayList<>();
            for (String w : corpus.paper(rnd.nextInt(records)).paper().title().split("\\s+")) {
                String clean = w.replaceAll("[^\\p{L}\\p{N}-]", "").toLowerCase(Locale.ROOT);
                if (clean.length() > 2 && !STOPWORDS.contains(clean)) {
                    words.add(clean);
                }
            }
            int n = rnd.nextInt(10) < 7 ? 2 : 3;
            if (words.size() < n) {
                continue;
            }
            int start = rnd.nextInt(words.size() - n + 1);
            String q = String.join(" ", words.subList(start, start + n));
            queries.add(queries.size() % 10 == 9 ? "\"" + q + "\"" : q);
        }
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put(
                "search",
                queries.stream()
                        .map(q -> "/api/v1/papers?q=" + enc(q) + "&limit=20")
                        .toList());
        List<String> tag = new ArrayList<>();
        for (String t : BenchCorpus.TAGS) {
            tag.add("/api/v1/papers?tag=" + t + "&limit=20");
        }
        s.put("tag", tag);
        // facets as a catalogue page and its drill-downs ask for them (all papers, then one tag, link kind or host) ...
        List<String> facets = new ArrayList<>();
        facets.add("/api/v1/facets");
        for (String t : BenchCorpus.TAGS.subList(0, 48).stream()
                .filter(t -> BenchCorpus.TAGS.indexOf(t) % 4 == 0)
                .toList()) {
            facets.add("/api/v1/facets?tag=" + t);
        }
        for (String kind : List.of("code", "model", "dataset", "project-page")) {
            facets.add("/api/v1/facets?linkKind=" + kind);
        }
        facets.add("/api/v1/facets?host=github.com");
        s.put("facets", facets);
        // ... and the facets of a full-text search, which count every matching paper
        List<String> searchFacets = new ArrayList<>();
        for (String q : queries.subList(0, 12)) {
            searchFacets.add("/api/v1/facets?q=" + enc(q));
        }
        s.put("facets-q", searchFacets);
        // deep pages: walk 100 pages of 20 (2,000 papers in) for a few listings, then request the page after
        List<String> deep = new ArrayList<>();
        for (String listing : List.of(
                "/api/v1/papers?limit=20",
                "/api/v1/papers?limit=20&sort=oldest",
                "/api/v1/papers?limit=20&linkKind=code",
                "/api/v1/papers?limit=20&tag=computer-vision",
                "/api/v1/papers?limit=20&q=" + enc(queries.get(0)))) {
            try {
                deep.add(walk(base, listing, 100));
            } catch (IllegalStateException shortListing) {
                // a search with fewer than 2,000 results has no page 101
            }
        }
        s.put("deep", deep);
        return s;
    }

    /** How many papers each search matches, to show what "typical" meant. */
    private static void printSelectivity(Connection db, List<String> searches) throws Exception {
        List<Long> counts = new ArrayList<>();
        for (String path : searches) {
            String q = java.net.URLDecoder.decode(
                    path.substring(path.indexOf("q=") + 2, path.indexOf("&limit")), StandardCharsets.UTF_8);
            try (var ps = db.prepareStatement(
                    "SELECT count(*) FROM paper WHERE search @@ websearch_to_tsquery('english', ?)")) {
                ps.setString(1, q);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        List<Long> sorted = counts.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "searches: %d queries; matching papers min %d, median %d, p90 %d, max %d%n",
                sorted.size(),
                sorted.get(0),
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() * 9 / 10),
                sorted.get(sorted.size() - 1));
    }

    private static String walk(String base, String listing, int pages) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cursor = null;
        for (int i = 0; i < pages; i++) {
            String path = listing + (cursor == null ? "" : "&cursor=" + enc(cursor)) + "&total=false";
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = PaperJson.mapper().readTree(r.body());
            cursor = page.path("nextCursor").asText(null);
            if (cursor == null) {
                throw new IllegalStateException("listing ended before page " + pages + ": " + listing);
            }
        }
        return listing + "&cursor=" + enc(cursor);
    }

    private static Level run(BenchStack stack, String base, Path script, int connections, int seconds)
            throws Exception {
        double cpuBefore = stack.appCpuSeconds() + stack.postgresCpuSeconds();
        // one wrk thread (event-driven, it drives 32 connections easily): on 2 cores a second load-generator thread
        // takes CPU from the service and PostgreSQL it measures (with -t2, 25-35 % less throughput at c=4 here)
        Process wrk = new ProcessBuilder(
                        "wrk",
                        "-t" + Math.min(WRK_THREADS, connections),
                        "-c" + connections,
                        "-d" + seconds + "s",
                        "--latency",
                        "-s",
                        script.toString(),
                        base)
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        double p50 = 0;
        double p99 = 0;
        double rps = 0;
        long errors = 0;
        for (String line : out.split("\n")) {
            Matcher m = LATENCY.matcher(line);
            if (m.matches()) {
                double v = Double.parseDouble(m.group(2))
                        * switch (m.group(3)) {
                            case "us" -> 0.001;
                            case "s" -> 1000;
                            default -> 1;
                        };
                if (m.group(1).equals("50")) {
                    p50 = v;
                } else {
                    p99 = v;
                }
            }
            Matcher r = RPS.matcher(line);
            if (r.find()) {
                rps = Double.parseDouble(r.group(1));
            }
            if (line.contains("Non-2xx") || line.contains("Socket errors")) {
                errors += Long.parseLong(line.replaceAll(".*?(\\d+)\\s*$", "$1"));
            }
        }
        double cpu = stack.appCpuSeconds() + stack.postgresCpuSeconds() - cpuBefore;
        return new Level(connections, rps, p50, p99, errors, rps > 0 ? cpu * 1000 / (rps * seconds) : 0);
    }

    /** A wrk script cycling through request paths (each connection starts at a different one). */
    private static String lua(Path paths) {
        return """
                local paths = {}
                for line in io.lines("%s") do paths[#paths + 1] = line end
                local i = 0
                setup = function(thread) thread:set("offset", math.random(#paths)) end
                request = function()
                  i = i + 1
                  return wrk.format("GET", paths[((i + (offset or 0)) %% #paths) + 1])
                end
                """.formatted(paths.toAbsolutePath());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
