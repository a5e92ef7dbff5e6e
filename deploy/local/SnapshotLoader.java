import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk load of JSON-lines files (the arXiv metadata snapshot, or any NDJSON of papers) into paperstream's ingest API,
 * with only a JDK: {@code java SnapshotLoader.java [options] FILE...}.
 *
 * <p>Each file is sent in chunks of whole lines ({@code --chunk-bytes}, default 4 MiB) as {@code application/x-ndjson}
 * with {@code ?format=arxiv-snapshot} (or {@code --format ndjson}: each line's shape decides), several chunks at once
 * ({@code --parallel}, default 3). A chunk counts once ingest answered 202 (every accepted paper acknowledged by
 * Kafka) or 400 (none of its records valid). After each one the progress file records the byte offset up to which
 * every chunk is done (and the counts so far), so an interrupted load (Ctrl-C, a killed pod) started again with the
 * same state directory sends only what is after it. Network errors, 429/5xx are retried with backoff.
 *
 * <p>Progress on stderr: records, percent of bytes, papers/s, ETA — a live bar with {@code --tty} (load.sh passes it
 * when stderr is a terminal), else a line every {@code --every} seconds (5). Exit status: 0 every record accepted;
 * 2 some records were rejected (their reasons summarised on stderr, every one in {@code <state>/<file>.rejected});
 * 1 the service failed (unreachable, or kept failing); 3 the token was refused; 64 bad usage; 130 interrupted.
 *
 * <p>Options: --url (http://localhost:8081), token in env PAPERSTREAM_INGEST_TOKEN (or --token-file; a comma-separated
 * list: the first), --state-dir (.paperstream-load), --format, --chunk-bytes, --parallel, --tty, --every,
 * --max-attempts (8).
 */
public class SnapshotLoader {
    static final int EXIT_OK = 0, EXIT_SERVICE = 1, EXIT_REJECTED = 2, EXIT_AUTH = 3, EXIT_USAGE = 64;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String url = "http://localhost:8081";
    String token;
    Path stateDir = Path.of(".paperstream-load");
    String format = "arxiv-snapshot";
    int chunkBytes = 4 << 20;
    int parallel = 3;
    boolean tty;
    int everySeconds = 5;
    int maxAttempts = 8;
    final List<Path> files = new ArrayList<>();

    // totals over every file, for the progress line
    long totalBytes;
    final AtomicLong doneBytes = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    long startBytes;
    long startNanos;
    final Map<String, Long> reasons = new TreeMap<>();
    final List<String> examples = new ArrayList<>();
    final AtomicBoolean stopping = new AtomicBoolean();
    final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    volatile String fatal;
    volatile int fatalCode;
    final PrintStream err = System.err;

    public static void main(String[] args) throws Exception {
        SnapshotLoader loader = new SnapshotLoader();
        int code;
        try {
            loader.parse(args);
            code = loader.run();
            if (loader.stopping.get()) {
                loader.finished.countDown(); // a signal: the shutdown hook waits for this, then the JVM exits
                return;
            }
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.err.println("usage: java SnapshotLoader.java [--url URL] [--state-dir DIR] [--format arxiv-snapshot|ndjson]"
                    + " [--chunk-bytes N] [--parallel N] [--tty] [--every SECONDS] FILE...  (token: env PAPERSTREAM_INGEST_TOKEN)");
            code = EXIT_USAGE;
        }
        System.exit(code);
    }

    void parse(String[] args) throws IOException {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> url = value(args, ++i, a).replaceAll("/+$", "");
                case "--token-file" -> token = Files.readString(Path.of(value(args, ++i, a))).trim();
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, a));
                case "--format" -> format = value(args, ++i, a);
                case "--chunk-bytes" -> chunkBytes = Integer.parseInt(value(args, ++i, a));
                case "--parallel" -> parallel = Integer.parseInt(value(args, ++i, a));
                case "--every" -> everySeconds = Integer.parseInt(value(args, ++i, a));
                case "--max-attempts" -> maxAttempts = Integer.parseInt(value(args, ++i, a));
                case "--tty" -> tty = true;
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (token == null) {
            token = System.getenv("PAPERSTREAM_INGEST_TOKEN");
        }
        if (token != null && token.contains(",")) {
            token = token.substring(0, token.indexOf(',')).trim();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to load");
        }
        if (!format.equals("arxiv-snapshot") && !format.equals("ndjson")) {
            throw new IllegalArgumentException("--format is arxiv-snapshot or ndjson, not " + format);
        }
        if (chunkBytes < 1024 || parallel < 1) {
            throw new IllegalArgumentException("--chunk-bytes must be at least 1024 and --parallel at least 1");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException("not a file: " + f);
            }
        }
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    int run() throws Exception {
        Files.createDirectories(stateDir);
        List<Progress> progress = new ArrayList<>();
        for (Path f : files) {
            Progress p = Progress.load(stateDir, f);
            progress.add(p);
            totalBytes += p.size;
            doneBytes.addAndGet(p.offset);
            records.addAndGet(p.records);
            accepted.addAndGet(p.accepted);
            rejected.addAndGet(p.rejected);
            if (p.offset > 0 && p.offset < p.size) {
                err.printf("load: %s: resuming at byte %,d of %,d (%,d records done before)%n", f, p.offset, p.size,
                        p.records);
            }
        }
        startBytes = doneBytes.get();
        acceptedBefore = accepted.get();
        startNanos = System.nanoTime();
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C or SIGTERM: stop sending, let the main thread record what was acknowledged and say so
            if (stopping.compareAndSet(false, true)) {
                main.interrupt();
                try {
                    finished.await(15, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
            }
        }));
        Thread ticker = new Thread(this::tick, "progress");
        ticker.setDaemon(true);
        ticker.start();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        boolean interrupted = false;
        try {
            for (Progress p : progress) {
                if (!load(p, pool)) {
                    interrupted = stopping.get();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            ticker.interrupt();
        }
        line(true);
        if (tty) {
            err.println();
        }
        long rejectedNow = rejected.get();
        if (!reasons.isEmpty() || rejectedNow > 0) {
            err.printf("load: %,d records rejected; reasons:%n", rejectedNow);
            reasons.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
                    .forEach(e -> err.printf("  %,8d  %s%n", e.getValue(), e.getKey()));
            examples.stream().limit(10).forEach(e -> err.println("  e.g. " + e));
            err.printf("  every rejected record: %s/*.rejected%n", stateDir);
        }
        if (fatal != null) {
            err.println("load: FAILED: " + fatal);
            err.println("load: run the same command again to resume after the last acknowledged chunk");
            return fatalCode;
        }
        if (interrupted) {
            err.println("load: interrupted; run the same command again to resume");
            return 130;
        }
        err.printf(Locale.ROOT, "load: done: %,d records, %,d accepted, %,d rejected in %.1f s%n", records.get(),
                accepted.get(), rejectedNow, (System.nanoTime() - startNanos) / 1e9);
        return rejectedNow > 0 ? EXIT_REJECTED : EXIT_OK;
    }

    /** One chunk of a file: whole lines [start, end), the line number of its first line. */
    record Chunk(long start, long end, long firstLine, byte[] body) {
    }

    /** What a chunk gave, once done. */
    record Outcome(long received, long accepted, long rejected) {
    }

    /** Loads one file from its progress; false when stopped (interrupted or failed). */
    boolean load(Progress p, ExecutorService pool) throws Exception {
        if (p.offset >= p.size) {
            return true;
        }
        Path rejectedFile = stateDir.resolve(p.name + ".rejected");
        try (RandomAccessFile in = new RandomAccessFile(p.file.toFile(), "r")) {
            in.seek(p.offset);
            long position = p.offset;
            long line = p.lines + 1;
            TreeMap<Long, Object[]> pending = new TreeMap<>(); // chunk start -> {Chunk, Future<Outcome>}
            byte[] buffer = new byte[chunkBytes];
            byte[] carry = new byte[0];
            boolean eof = false;
            while (!eof || !pending.isEmpty()) {
                while (!eof && pending.size() < parallel + 1 && fatal == null && !stopping.get()) {
                    // fill the buffer: carried-over partial line, then the file
                    int n = carry.length;
                    System.arraycopy(carry, 0, buffer, 0, carry.length);
                    int read;
                    while (n < buffer.length && (read = in.read(buffer, n, buffer.length - n)) > 0) {
                        n += read;
                    }
                    boolean fileEnd = in.getFilePointer() >= p.size;
                    int cut = n;
                    if (!fileEnd) {
                        cut = lastNewline(buffer, n) + 1;
                        if (cut == 0) {
                            fatal = p.file + ": a line at byte " + position + " is longer than --chunk-bytes ("
                                    + chunkBytes + ")";
                            fatalCode = EXIT_USAGE;
                            break;
                        }
                    }
                    carry = java.util.Arrays.copyOfRange(buffer, cut, n);
                    byte[] body = java.util.Arrays.copyOf(buffer, cut);
                    long lines = count(body);
                    Chunk chunk = new Chunk(position, position + cut, line, body);
                    position += cut;
                    line += lines;
                    eof = fileEnd && carry.length == 0;
                    if (body.length > 0) {
                        pending.put(chunk.start(), new Object[]{chunk, pool.submit(() -> send(chunk, p, rejectedFile))});
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                // wait for the oldest chunk: progress moves only over a prefix of done chunks
                Map.Entry<Long, Object[]> oldest = pending.firstEntry();
                Chunk chunk = (Chunk) oldest.getValue()[0];
                @SuppressWarnings("unchecked")
                Future<Outcome> future = (Future<Outcome>) oldest.getValue()[1];
                Outcome outcome;
                try {
                    outcome = future.get();
                } catch (InterruptedException e) {
                    stopping.set(true);
                    return false;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (fatal == null) {
                        fatal = String.valueOf(e.getCause().getMessage());
                        fatalCode = EXIT_SERVICE;
                    }
                    return false;
                }
                if (outcome == null) {
                    return false; // stopped or failed while sending
                }
                pending.remove(oldest.getKey());
                synchronized (p) {
                    p.offset = chunk.end();
                    p.lines += count(chunk.body());
                    p.records += outcome.received();
                    p.accepted += outcome.accepted();
                    p.rejected += outcome.rejected();
                    p.save();
                }
                doneBytes.addAndGet(chunk.end() - chunk.start());
                if (fatal != null || stopping.get()) {
                    return false;
                }
            }
            return fatal == null && !stopping.get();
        }
    }

    /** Posts one chunk until it is done; null when the load stops (a fatal answer, or interrupted). */
    Outcome send(Chunk chunk, Progress p, Path rejectedFile) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/papers?format=" + format
                        + "&source=load:" + p.file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + (token == null ? "" : token))
                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk.body())).build();
        Duration backoff = Duration.ofSeconds(1);
        String last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (stopping.get() || fatal != null) {
                return null;
            }
            int status;
            String body;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
            } catch (IOException e) {
                status = -1;
                body = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (status == 202 || status == 400 && body.contains("no-valid-paper")) {
                return outcome(chunk, body, p, rejectedFile);
            }
            if (status == 401 || status == 403) {
                fatal = "the ingest service refused the token (HTTP " + status + "); set PAPERSTREAM_INGEST_TOKEN";
                fatalCode = EXIT_AUTH;
                return null;
            }
            if (status == 400 || status == 413 || status == 415) {
                fatal = "the ingest service refused a chunk of " + p.file + " at byte " + chunk.start() + " (HTTP "
                        + status + "): " + shorten(body);
                fatalCode = EXIT_SERVICE;
                return null;
            }
            last = status < 0 ? body : "HTTP " + status + ": " + shorten(body);
            if (attempt < maxAttempts) {
                String where = p.file.getFileName() + " byte " + chunk.start();
                note("load: " + where + ": " + last + "; retrying in " + backoff.toSeconds() + " s (attempt " + attempt
                        + " of " + maxAttempts + ")");
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
        fatal = "the ingest service at " + url + " kept failing (" + last + ")";
        fatalCode = EXIT_SERVICE;
        return null;
    }

    /** Counts a 202/400 answer and notes every rejected record with its file line. */
    Outcome outcome(Chunk chunk, String body, Progress p, Path rejectedFile) throws IOException {
        Object parsed = new Json(body).value();
        if (!(parsed instanceof Map<?, ?> answer)) {
            throw new IOException("unexpected answer: " + shorten(body));
        }
        // 202: the answer itself; 400 (no valid record): its problem lists the outcomes under "records"
        long received = number(answer.get("received"));
        List<?> outcomes = answer.get("records") instanceof List<?> l ? l : List.of();
        if (!answer.containsKey("received")) { // 400: nothing valid in the chunk
            java.util.regex.Matcher none = java.util.regex.Pattern.compile("None of the (\\d+) records")
                    .matcher(String.valueOf(answer.get("detail")));
            received = none.find() ? Long.parseLong(none.group(1)) : outcomes.size();
            if (outcomes.isEmpty() && answer.get("errors") instanceof List<?> errors) {
                // more than 1,000 records: the problem lists field errors (with their record's location), not outcomes
                Map<Object, Map<String, Object>> byRecord = new LinkedHashMap<>();
                for (Object e : errors) {
                    if (e instanceof Map<?, ?> error) {
                        byRecord.computeIfAbsent(error.get("location"), k -> new LinkedHashMap<>(Map.of("status", "rejected",
                                "location", String.valueOf(error.get("location")), "reason", String.valueOf(error.get("message")),
                                "errors", List.of(error))));
                    }
                }
                outcomes = new ArrayList<>(byRecord.values());
            }
        }
        long rejectedHere = 0;
        StringBuilder lines = new StringBuilder();
        for (Object o : outcomes) {
            if (o instanceof Map<?, ?> r && "rejected".equals(r.get("status"))) {
                rejectedHere++;
                String location = String.valueOf(r.get("location"));
                long at = location.startsWith("line ") ? chunk.firstLine() + Long.parseLong(location.substring(5)) - 1 : -1;
                String reason = r.get("reason") == null ? "unknown" : String.valueOf(r.get("reason"));
                String code = firstCode(r.get("errors"));
                lines.append(p.file.getFileName()).append(":").append(at).append("\t").append(reason).append('\n');
                synchronized (reasons) {
                    reasons.merge(code, 1L, Long::sum);
                    if (examples.size() < 10) {
                        examples.add(p.file.getFileName() + " line " + at + ": " + reason);
                    }
                }
            }
        }
        if (lines.length() > 0) {
            synchronized (this) {
                Files.writeString(rejectedFile, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }
        if (!answer.containsKey("received")) {
            rejectedHere = received; // none of them valid (a problem lists at most 1,000)
        }
        records.addAndGet(received);
        accepted.addAndGet(received - rejectedHere);
        rejected.addAndGet(rejectedHere);
        return new Outcome(received, received - rejectedHere, rejectedHere);
    }

    static String firstCode(Object errors) {
        if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> e) {
            return e.get("field") + " " + e.get("code");
        }
        return "unreadable";
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static String shorten(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    static int lastNewline(byte[] b, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static long count(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }

    // ---------------------------------------------------------------- progress display

    long lastLine;

    void tick() {
        try {
            while (true) {
                Thread.sleep(tty ? 250 : 1000);
                line(false);
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    synchronized void line(boolean last) {
        long now = System.nanoTime();
        if (!tty && !last && now - lastLine < everySeconds * 1_000_000_000L) {
            return;
        }
        lastLine = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        long done = doneBytes.get();
        double percent = totalBytes == 0 ? 100 : 100.0 * done / totalBytes;
        double byteRate = (done - startBytes) / seconds;
        double paperRate = (accepted.get() - acceptedBefore) / seconds; // this run's (a resumed load did some before)
        String eta = byteRate <= 0 ? "--:--" : clock((long) ((totalBytes - done) / byteRate));
        String text = String.format(Locale.ROOT, "%,d records (%,d rejected)  %5.1f%%  %,.0f papers/s  ETA %s",
                records.get(), rejected.get(), percent, paperRate, eta);
        if (tty) {
            int width = 30;
            int filled = (int) Math.round(width * percent / 100);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + "   ");
        } else {
            err.println("load: " + text);
        }
        err.flush();
    }

    long acceptedBefore;

    static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    synchronized void note(String message) {
        if (tty) {
            err.print("\r\033[K");
        }
        err.println(message);
    }

    // ---------------------------------------------------------------- progress file

    /** How far a file is loaded: a properties file in the state directory, rewritten atomically after each chunk. */
    static final class Progress {
        final Path file;
        final Path path;
        final String name;
        final long size;
        final long modified;
        long offset;
        long lines;
        long records;
        long accepted;
        long rejected;

        Progress(Path file, Path path, String name, long size, long modified) {
            this.file = file;
            this.path = path;
            this.name = name;
            this.size = size;
            this.modified = modified;
        }

        static Progress load(Path stateDir, Path file) throws Exception {
            Path absolute = file.toAbsolutePath().normalize();
            String hash = hex(MessageDigest.getInstance("SHA-256").digest(absolute.toString()
                    .getBytes(StandardCharsets.UTF_8))).substring(0, 12);
            String name = absolute.getFileName() + "-" + hash;
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            Progress p = new Progress(file, stateDir.resolve(name + ".progress"), name, size, modified);
            if (Files.exists(p.path)) {
                Properties saved = new Properties();
                try (InputStream in = Files.newInputStream(p.path)) {
                    saved.load(in);
                }
                if (Long.parseLong(saved.getProperty("size", "-1")) == size
                        && Long.parseLong(saved.getProperty("modified", "-1")) == modified) {
                    p.offset = Long.parseLong(saved.getProperty("offset", "0"));
                    p.lines = Long.parseLong(saved.getProperty("lines", "0"));
                    p.records = Long.parseLong(saved.getProperty("records", "0"));
                    p.accepted = Long.parseLong(saved.getProperty("accepted", "0"));
                    p.rejected = Long.parseLong(saved.getProperty("rejected", "0"));
                } else {
                    System.err.println("load: " + file + " changed since its last load; starting it over");
                    Files.deleteIfExists(stateDir.resolve(name + ".rejected"));
                }
            }
            return p;
        }

        void save() throws IOException {
            Properties out = new Properties();
            out.setProperty("file", file.toAbsolutePath().toString());
            out.setProperty("size", Long.toString(size));
            out.setProperty("modified", Long.toString(modified));
            out.setProperty("offset", Long.toString(offset));
            out.setProperty("lines", Long.toString(lines));
            out.setProperty("records", Long.toString(records));
            out.setProperty("accepted", Long.toString(accepted));
            out.setProperty("rejected", Long.toString(rejected));
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            try (var w = Files.newBufferedWriter(tmp)) {
                out.store(w, "paperstream load progress: bytes [0, offset) of file are acknowledged");
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        static String hex(byte[] bytes) {
            StringBuilder s = new StringBuilder();
            for (byte b : bytes) {
                s.append(String.format("%02x", b));
            }
            return s.toString();
        }
    }

    // ---------------------------------------------------------------- a minimal JSON reader (ingest's answers)

    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // ':'
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    return Double.parseDouble(s.substring(start, i));
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
