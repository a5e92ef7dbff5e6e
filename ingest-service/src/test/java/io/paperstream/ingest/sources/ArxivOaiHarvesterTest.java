package io.paperstream.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.events.RawPaper;
import io.paperstream.ingest.sources.StandIn.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The arXiv harvester against a stand-in OAI-PMH server answering in arXiv's real format: pages followed by token,
 * flow control, a deleted record, a rejected record, noRecordsMatch, a malformed page, a restart that resumes.
 */
class ArxivOaiHarvesterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    private static final Duration DELAY = Duration.ofMillis(150);
    private final StandIn arxiv = new StandIn();
    private final Recorder recorder = new Recorder();
    private final SourceStatus status = SourceStatus.standalone("arxiv-oai");

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private ArxivOaiHarvester harvester(Optional<LocalDate> from) {
        return new ArxivOaiHarvester(
                arxiv.url() + "/oai",
                List.of("cs"),
                from,
                Recorder.http(status, DELAY),
                recorder.publisher(),
                recorder,
                status,
                CLOCK);
    }

    /** The real routes, with the n-th requests (1-based) answered otherwise. */
    private static Function<StandIn.Request, Answer> withFaults(Map<Integer, Answer> faults) {
        AtomicInteger calls = new AtomicInteger();
        Function<StandIn.Request, Answer> pages = StandIn.arxivPages();
        return r -> {
            Answer fault = faults.get(calls.incrementAndGet());
            return fault != null ? fault : pages.apply(r);
        };
    }

    @Test
    void followsTokensToTheEndWaitingOutRetryAfterAndRetryingAMalformedPage() throws Exception {
        arxiv.routes(withFaults(Map.of(
                1, Answer.status(503, "Retry after 1 second", Map.of("Retry-After", "1")),
                3, Answer.xml(StandIn.resource("oai/page2.xml").substring(0, 700)))));

        harvester(Optional.empty()).harvest();

        List<StandIn.Request> requests = arxiv.requests();
        assertThat(requests).hasSize(5);
        assertThat(requests.get(0).query())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("verb", "ListRecords", "metadataPrefix", "arXiv", "set", "cs", "from", "2026-12-03"));
        assertThat(requests.get(2).query())
                .containsExactlyInAnyOrderEntriesOf(Map.of("verb", "ListRecords", "resumptionToken", "6961218|1001"));
        assertThat(requests.get(4).query().get("resumptionToken")).isEqualTo("6961218|2002");
        assertThat(gapMillis(requests, 1)).as("Retry-After: 1 waited out").isGreaterThanOrEqualTo(1000);
        for (int i = 1; i < requests.size(); i++) {
            assertThat(gapMillis(requests, i))
                    .as("gap before request %d", i + 1)
                    .isGreaterThanOrEqualTo(DELAY.toMillis());
        }

        assertThat(recorder.ids())
                .containsExactly("arxiv:2409.04828", "arxiv:0704.0001", "arxiv:2412.00004", "arxiv:math/0703001");
        assertThat(recorder.tombstones).containsExactly("arxiv:2401.00002");
        RawPaper points = recorder.papers.get(0);
        assertThat(points.source()).isEqualTo(new RawPaper.Source("arxiv-oai", "arxiv:cs"));
        assertThat(points.categories()).containsExactly("cs.CV", "cs.CL");
        assertThat(points.authors()).containsExactly("Yuan Liu", "Zhongyin Zhao", "Le Tian Jr");
        assertThat(points.publishedOn()).isEqualTo(LocalDate.of(2024, 9, 7));
        assertThat(points.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(points.comment()).isEqualTo("Code: https://github.com/WePOINTS/WePOINTS");
        assertThat(points.title()).isEqualTo("POINTS: Improving Your Vision-language Model with Affordable Strategies");

        assertThat(status.requests("retry-after")).isEqualTo(1);
        assertThat(status.requests("malformed")).isEqualTo(1);
        assertThat(status.requests("ok")).isEqualTo(3);
        assertThat(status.papers()).isEqualTo(5); // 4 papers and 1 deletion; the record without a title was rejected
        assertThat(recorder.checkpoints.get("arxiv-oai:cs"))
                .contains("\"from\":\"2026-12-06\"")
                .doesNotContain("token");
    }

    @Test
    void noRecordsMatchIsAnEmptyListNotAnError() throws Exception {
        arxiv.routes(r -> Answer.xml(StandIn.resource("oai/no-records-match.xml")));
        harvester(Optional.of(LocalDate.of(2026, 12, 6))).harvest();
        assertThat(recorder.papers).isEmpty();
        assertThat(status.requests("no-records-match")).isEqualTo(1);
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(recorder.checkpoints.get("arxiv-oai:cs")).contains("\"from\":\"2026-12-06\"");
    }

    @Test
    void aRestartInTheMiddleResumesFromTheTokenOfItsCheckpoint() throws Exception {
        Function<StandIn.Request, Answer> pages = StandIn.arxivPages();
        arxiv.routes(
                r -> r.query().containsKey("resumptionToken") ? Answer.status(500, "oops", Map.of()) : pages.apply(r));
        assertThatThrownBy(() -> harvester(Optional.empty()).harvest())
                .isInstanceOf(SourceFailure.class)
                .hasMessageContaining("HTTP 500");
        assertThat(recorder.ids()).containsExactly("arxiv:2409.04828", "arxiv:0704.0001");
        assertThat(recorder.checkpoints.get("arxiv-oai:cs")).contains("\"token\":\"6961218|1001\"");
        assertThat(status.requests("server-error")).isEqualTo(3);

        // a new harvester (a restarted or moved instance) with the same checkpoints
        arxiv.clear();
        arxiv.routes(StandIn.arxivPages());
        harvester(Optional.empty()).harvest();
        assertThat(arxiv.requests())
                .extracting(r -> r.query().get("resumptionToken"))
                .containsExactly("6961218|1001", "6961218|2002");
        assertThat(recorder.ids())
                .containsExactly("arxiv:2409.04828", "arxiv:0704.0001", "arxiv:2412.00004", "arxiv:math/0703001");
        assertThat(recorder.checkpoints.get("arxiv-oai:cs")).contains("\"from\":\"2026-12-06\"");
    }

    @Test
    void anExpiredTokenListsAgainFromTheCheckpointsDate() throws Exception {
        recorder.put(
                "arxiv-oai:cs",
                "{\"from\":\"2026-12-01\",\"token\":\"expired\",\"nextFrom\":\"2026-12-05\",\"pages\":3}");
        arxiv.routes(StandIn.arxivPages());
        harvester(Optional.empty()).harvest();
        assertThat(arxiv.requests().get(0).query().get("resumptionToken")).isEqualTo("expired");
        assertThat(arxiv.requests().get(1).query())
                .containsEntry("from", "2026-12-01")
                .containsEntry("set", "cs");
        assertThat(recorder.ids()).hasSize(4);
    }

    @Test
    void aNewConfiguredFromStartsOverAndAnUnchangedOneContinues() throws Exception {
        recorder.put("arxiv-oai:cs", "{\"from\":\"2026-12-05\",\"configuredFrom\":\"2026-11-01\",\"pages\":9}");
        arxiv.routes(r -> Answer.xml(StandIn.resource("oai/no-records-match.xml")));
        harvester(Optional.of(LocalDate.of(2026, 11, 1))).harvest();
        assertThat(arxiv.requests().get(0).query()).containsEntry("from", "2026-12-05");
        harvester(Optional.of(LocalDate.of(2026, 10, 1))).harvest();
        assertThat(arxiv.requests().get(1).query()).containsEntry("from", "2026-10-01");
    }

    @Test
    void setsAreCommaSeparatedAndStarMeansAll() {
        assertThat(ArxivOaiHarvester.sets("cs, math ,physics:hep-th")).containsExactly("cs", "math", "physics:hep-th");
        assertThat(ArxivOaiHarvester.sets("*")).isEmpty();
        assertThat(ArxivOaiHarvester.key("")).isEqualTo("arxiv-oai:*");
    }

    private static long gapMillis(List<StandIn.Request> requests, int i) {
        return (requests.get(i).nanos() - requests.get(i - 1).nanos()) / 1_000_000;
    }
}
