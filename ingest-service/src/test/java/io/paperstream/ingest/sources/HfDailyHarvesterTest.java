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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Hugging Face harvester against a stand-in daily_papers API: several days, an empty day, a malformed answer. */
class HfDailyHarvesterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    private final StandIn hf = new StandIn();
    private final Recorder recorder = new Recorder();
    private final SourceStatus status = SourceStatus.standalone("hf-daily");

    @AfterEach
    void stop() {
        hf.close();
    }

    private HfDailyHarvester harvester(Optional<LocalDate> from) {
        return new HfDailyHarvester(
                hf.url(),
                from,
                Recorder.http(status, Duration.ofMillis(10)),
                recorder.publisher(),
                recorder,
                status,
                CLOCK);
    }

    private void serve(Map<String, String> days) {
        hf.routes(r -> r.path().equals("/api/daily_papers")
                        && days.containsKey(r.query().get("date"))
                ? Answer.json(days.get(r.query().get("date")))
                : Answer.status(404, "{\"error\":\"not found\"}", Map.of()));
    }

    @Test
    void fetchesEveryDayFromTheStartToTodayAndThenTodayAndYesterdayAgain() throws Exception {
        serve(Map.of(
                "2026-12-03",
                HfDailyHarvesterTestDays.day("2026-12-03", "2512.00001", "2512.00002"),
                "2026-12-04",
                "[]",
                "2026-12-05",
                HfDailyHarvesterTestDays.day("2026-12-05", "2512.00003"),
                "2026-12-06",
                HfDailyHarvesterTestDays.day("2026-12-06", "2512.00004")));

        harvester(Optional.empty()).harvest();

        assertThat(hf.requests())
                .extracting(r -> r.query().get("date"))
                .containsExactly("2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06");
        assertThat(recorder.ids())
                .containsExactly("arxiv:2512.00001", "arxiv:2512.00002", "arxiv:2512.00003", "arxiv:2512.00004");
        RawPaper first = recorder.papers.get(0);
        assertThat(first.source()).isEqualTo(new RawPaper.Source("hf-daily", "huggingface:2026-12-03"));
        assertThat(first.authors()).containsExactly("Jiachen Zhu", "Yann LeCun");
        assertThat(first.links())
                .extracting(RawPaper.SourceLink::url)
                .containsExactly("https://github.com/example/2512-00001");
        assertThat(status.requests("empty-day")).isEqualTo(1);
        assertThat(recorder.checkpoints.get("hf-daily")).contains("\"done\":\"2026-12-06\"");

        hf.clear();
        harvester(Optional.empty()).harvest();
        assertThat(hf.requests()).extracting(r -> r.query().get("date")).containsExactly("2026-12-05", "2026-12-06");
        assertThat(recorder.ids()).hasSize(6).endsWith("arxiv:2512.00003", "arxiv:2512.00004");
    }

    @Test
    void aMalformedAnswerIsRetriedAndAPersistentOneStopsAtTheLastGoodDay() throws Exception {
        serve(Map.of(
                "2026-12-05",
                HfDailyHarvesterTestDays.day("2026-12-05", "2512.00003"),
                "2026-12-06",
                "{\"error\": \"not a list\"}"));
        hf.then(Answer.json("[{\"paper\": {\"id\": "));
        assertThatThrownBy(
                        () -> harvester(Optional.of(LocalDate.of(2026, 12, 5))).harvest())
                .isInstanceOf(SourceFailure.class)
                .hasMessageContaining("must be a JSON array");
        assertThat(hf.requests())
                .extracting(r -> r.query().get("date"))
                .containsExactly("2026-12-05", "2026-12-05", "2026-12-06", "2026-12-06", "2026-12-06");
        assertThat(status.requests("malformed")).isEqualTo(4);
        assertThat(recorder.ids()).containsExactly("arxiv:2512.00003");
        assertThat(recorder.checkpoints.get("hf-daily")).contains("\"done\":\"2026-12-05\"");
    }

    @Test
    void aDayTheApiDoesNotKnowIsEmptyAndTheNextDaysStillCome() throws Exception {
        serve(Map.of("2026-12-05", HfDailyHarvesterTestDays.day("2026-12-05", "2512.00003"))); // 404 for the others
        harvester(Optional.of(LocalDate.of(2026, 12, 4))).harvest();
        assertThat(hf.requests())
                .extracting(r -> r.query().get("date"))
                .containsExactly("2026-12-04", "2026-12-05", "2026-12-06");
        assertThat(recorder.ids()).containsExactly("arxiv:2512.00003");
        assertThat(status.requests("not-found")).isEqualTo(2);
        assertThat(recorder.checkpoints.get("hf-daily")).contains("\"done\":\"2026-12-06\"");
    }

    @Test
    void aBadEntryIsRejectedAloneAndTheDayGoesOn() throws Exception {
        serve(Map.of(
                "2026-12-06",
                "[{\"paper\": {\"id\": \"2512.00009\", \"title\": \"No summary\"}},"
                        + HfDailyHarvesterTestDays.day("2026-12-06", "2512.00010")
                                .substring(1)));
        harvester(Optional.of(LocalDate.of(2026, 12, 6))).harvest();
        assertThat(recorder.ids()).containsExactly("arxiv:2512.00010");
        assertThat(status.papers()).isEqualTo(1);
    }
}
