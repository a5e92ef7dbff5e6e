package io.paperstream.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scenario's papers, streamed to ingest-service as NDJSON batches by a client that does what a careful producer
 * does: a batch counts as delivered only on {@code 202}; any failure (connection reset by a killed ingest-service, 503
 * while the broker is away) is counted and the same batch is sent again, to whichever ingest-service runs then.
 *
 * <p>Each paper has an arXiv id of its own month ({@code 26MM.NNNNN}) and the scenario's publication date, so the
 * scenario's papers are exactly those the query API lists for that date.
 */
final class PaperStream {
    private static final String[] WORDS = ("model learning neural network training data language vision transformer "
                    + "diffusion graph reinforcement policy benchmark dataset efficient scalable robust attention token "
                    + "retrieval generation alignment reasoning multimodal image video speech audio segmentation detection "
                    + "representation contrastive pretraining finetuning quantization pruning distillation inference latent")
            .split(" ");

    record Paper(
            String id, String title, String abstractText, List<String> authors, String publishedOn, boolean hasCode) {}

    final String name;
    final String date;
    private final int month;
    private final int minimum;
    private final int batchSize;
    private final Random random;
    /** Every paper accepted or being sent, in order; read it after the sender finished. */
    final List<Paper> papers = java.util.Collections.synchronizedList(new ArrayList<>());

    final AtomicInteger sentPapers = new AtomicInteger();
    final AtomicInteger failedRequests = new AtomicInteger();
    final AtomicBoolean inFlight = new AtomicBoolean();
    /** The longest time an answered request took to fail (e.g. ingest's 503 when Kafka does not acknowledge). */
    final java.util.concurrent.atomic.AtomicLong longestFailure = new java.util.concurrent.atomic.AtomicLong();

    private final AtomicBoolean finishing = new AtomicBoolean();
    /** Set once the stream stopped growing at its maximum (3 x the minimum) before being finished. */
    final AtomicBoolean capped = new AtomicBoolean();

    private final int maximum;
    private final List<String> failures = new ArrayList<>();

    /**
     * A stream of at least {@code minimum} papers: it goes on (paced) until {@link #finish()} is called and the
     * minimum is reached, so that every fault of a scenario, however long the machine takes to recover, happens while
     * papers are still arriving.
     */
    PaperStream(String name, int month, int minimum, int batchSize) {
        this.name = name;
        this.month = month;
        this.minimum = minimum;
        this.maximum = Math.min(3 * minimum, 99_000);
        this.batchSize = batchSize;
        this.date = String.format(Locale.ROOT, "2026-%02d-15", month);
        this.random = new Random(month);
    }

    /** Lets the stream end once it has sent its minimum number of papers. */
    void finish() {
        finishing.set(true);
    }

    int size() {
        return papers.size();
    }

    private String nextBatch() {
        StringBuilder batch = new StringBuilder();
        for (int n = 0; n < batchSize; n++) {
            int i = papers.size();
            if (i > 99_999) {
                throw new IllegalStateException("more papers than arXiv ids of a month");
            }
            String arxiv = String.format(Locale.ROOT, "26%02d.%05d", month, i);
            String title = "Fault " + name + " paper " + i + ": " + sentence(random, 10);
            StringBuilder abstractText = new StringBuilder();
            while (abstractText.length() < 1200) {
                abstractText.append(sentence(random, 16)).append(". ");
            }
            boolean code = i % 5 == 0;
            if (code) {
                abstractText
                        .append("Code: https://github.com/faultlab")
                        .append(month)
                        .append("/project")
                        .append(i)
                        .append('.');
            }
            Paper p = new Paper(
                    "arxiv:" + arxiv,
                    title,
                    abstractText.toString().strip(),
                    List.of("A. Author", "B. Author " + i),
                    date,
                    code);
            papers.add(p);
            if (batch.length() > 0) {
                batch.append('\n');
            }
            batch.append("{\"arxivId\":\"")
                    .append(arxiv)
                    .append("\",\"title\":\"")
                    .append(p.title())
                    .append("\",\"abstract\":\"")
                    .append(p.abstractText())
                    .append("\",\"authors\":[\"")
                    .append(String.join("\",\"", p.authors()))
                    .append("\"],\"publishedOn\":\"")
                    .append(date)
                    .append("\"}");
        }
        return batch.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** Sends every batch until it is accepted; {@code pauseMillis} between batches paces the stream. */
    Thread start(Stack stack, HttpClient http, long pauseMillis) {
        Thread sender = new Thread(
                () -> {
                    try {
                        send(stack, http, pauseMillis);
                    } catch (RuntimeException | Error e) {
                        error = e;
                    }
                },
                "sender-" + name);
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    /** What stopped the sender, if anything did. */
    volatile Throwable error;

    private void send(Stack stack, HttpClient http, long pauseMillis) {
        {
            while (!(finishing.get() && sentPapers.get() >= minimum)) {
                if (papers.size() >= maximum) {
                    capped.set(true); // a slow machine: enough backlog; wait to be finished
                    sleep(200);
                    continue;
                }
                String body = nextBatch();
                while (true) {
                    long started = System.nanoTime();
                    try {
                        inFlight.set(true);
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://localhost:" + stack.port("ingest-service") + "/api/v1/papers"))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("Content-Type", "application/x-ndjson")
                                        .header("Authorization", "Bearer " + Stack.TOKEN)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        inFlight.set(false);
                        if (r.statusCode() == 202) {
                            break;
                        }
                        fail(String.format(
                                Locale.ROOT,
                                "HTTP %d after %.1f s: %s",
                                r.statusCode(),
                                (System.nanoTime() - started) / 1e9,
                                r.body().substring(0, Math.min(300, r.body().length()))));
                        longestFailure.accumulateAndGet(System.nanoTime() - started, Math::max);
                    } catch (IOException | IllegalStateException e) {
                        inFlight.set(false);
                        fail(String.format(Locale.ROOT, "%s after %.1f s", e, (System.nanoTime() - started) / 1e9));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    sleep(500);
                }
                sentPapers.addAndGet(batchSize);
                sleep(pauseMillis);
            }
        }
    }

    private synchronized void fail(String what) {
        failedRequests.incrementAndGet();
        if (failures.size() < 5) {
            failures.add(what);
        }
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
