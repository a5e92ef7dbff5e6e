package io.paperstream.ingest.it;

import io.paperstream.ingest.sources.HfDailyHarvesterTestDays;
import io.paperstream.ingest.sources.StandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test resource: loopback stand-ins of arXiv's OAI-PMH interface (three pages in arXiv's format, a 503 with
 * Retry-After first) and of Hugging Face's daily papers (yesterday with two papers, today empty), and the
 * configuration that points the service's harvesters at them.
 */
public class StandInSources implements QuarkusTestResourceLifecycleManager {
    static StandIn arxiv;
    static StandIn hf;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Override
    public Map<String, String> start() {
        arxiv = new StandIn();
        AtomicInteger calls = new AtomicInteger();
        var pages = StandIn.arxivPages();
        arxiv.routes(r -> calls.incrementAndGet() == 1
                ? StandIn.Answer.status(503, "Retry after 1 second", Map.of("Retry-After", "1"))
                : pages.apply(r));
        hf = new StandIn();
        String yesterday = TODAY.minusDays(1).toString();
        hf.routes(r -> {
            String date = r.query().get("date");
            if (yesterday.equals(date)) {
                return StandIn.Answer.json(HfDailyHarvesterTestDays.day(yesterday, "2409.04828", "2512.07777"));
            }
            return StandIn.Answer.json("[]");
        });
        return Map.of(
                "paperstream.sources.enabled", "true",
                "paperstream.sources.arxiv.oai-url", arxiv.url() + "/oai",
                "paperstream.sources.arxiv.sets", "cs",
                "paperstream.sources.arxiv.from", "2026-12-01",
                "paperstream.sources.arxiv.delay", "100ms",
                "paperstream.sources.hf.url", hf.url(),
                "paperstream.sources.hf.from", yesterday,
                "paperstream.sources.hf.delay", "10ms",
                "paperstream.sources.checkpoint-topic", "sources.checkpoints.it-" + System.nanoTime());
    }

    @Override
    public void stop() {
        if (arxiv != null) {
            arxiv.close();
        }
        if (hf != null) {
            hf.close();
        }
    }
}
