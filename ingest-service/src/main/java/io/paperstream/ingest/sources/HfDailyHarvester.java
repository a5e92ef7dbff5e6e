package io.paperstream.ingest.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.paperstream.events.RawPaper;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.format.HfDailyMapper;
import io.paperstream.ingest.domain.format.Json;
import io.paperstream.ingest.domain.format.UnreadableBodyException;
import io.paperstream.ingest.domain.format.Utf8;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Harvests Hugging Face's daily papers: {@code GET {url}/api/daily_papers?date=yyyy-MM-dd} for every day from the
 * configured start to today (UTC), read with the hf-daily format's own mapper. Today and yesterday are fetched again
 * on every harvest: their entries, GitHub repositories and project pages change during the day; an entry seen again
 * updates its paper (same derived id, higher revision). An empty day ({@code []}) is fine, and so is a day the API
 * answers 404 for (counted as {@code not-found}).
 *
 * <p>Checkpoint (key {@code hf-daily}): {@code {"done": last day fetched, "configuredFrom"}}; the next harvest starts
 * at the day after {@code done}, but never later than yesterday.
 */
public final class HfDailyHarvester {
    public static final String FORMAT = "hf-daily";
    public static final String KEY = "hf-daily";
    private static final Logger LOG = Logger.getLogger(HfDailyHarvester.class);

    private final String baseUrl;
    private final Optional<LocalDate> configuredFrom;
    private final SourceHttp http;
    private final SourcePublisher publisher;
    private final Checkpoints checkpoints;
    private final SourceStatus status;
    private final Clock clock;

    public record Checkpoint(String done, String configuredFrom) {}

    public HfDailyHarvester(
            String baseUrl,
            Optional<LocalDate> configuredFrom,
            SourceHttp http,
            SourcePublisher publisher,
            Checkpoints checkpoints,
            SourceStatus status,
            Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.configuredFrom = configuredFrom;
        this.http = http;
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.status = status;
        this.clock = clock;
    }

    public void harvest() throws InterruptedException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String configured = configuredFrom.map(LocalDate::toString).orElse(null);
        Optional<Checkpoint> saved = checkpoints.get(KEY).flatMap(HfDailyHarvester::read);
        LocalDate day;
        if (saved.isPresent()
                && saved.get().done() != null
                && (configured == null || configured.equals(saved.get().configuredFrom()))) {
            LocalDate next = LocalDate.parse(saved.get().done()).plusDays(1);
            LocalDate yesterday = today.minusDays(1);
            day = next.isAfter(yesterday) ? yesterday : next;
        } else {
            day = configuredFrom.orElse(today.minusDays(3));
        }
        int days = 0;
        for (; !day.isAfter(today); day = day.plusDays(1)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            status.position(KEY + " " + day);
            URI uri = URI.create(baseUrl + "/api/daily_papers?date=" + day);
            LocalDate date = day;
            // a day the API does not know (404) has no papers, like an empty day: the days after it still come
            List<SourceRecord> records =
                    http.get(uri, body -> entries(body, date), r -> r.isEmpty() ? "empty-day" : "ok", List::of);
            publisher.publish(records, new RawPaper.Source(FORMAT, "huggingface:" + day), status);
            try {
                checkpoints.put(
                        KEY, ArxivOaiHarvester.JSON.writeValueAsString(new Checkpoint(day.toString(), configured)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            days++;
        }
        LOG.debugf("Hugging Face: %d days fetched up to %s", days, today);
    }

    /** A daily-papers answer: a JSON array of entries, each read like a hf-daily body's. */
    static List<SourceRecord> entries(byte[] body, LocalDate date) {
        JsonNode root = Json.parse(Utf8.decode(body, 0, body.length, null));
        if (!root.isArray()) {
            throw new UnreadableBodyException(
                    "the daily papers of " + date + " must be a JSON array, not "
                            + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    null);
        }
        List<SourceRecord> records = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            records.add(HfDailyMapper.toRecord(i, date + " $[" + i + "]", root.get(i)));
        }
        return records;
    }

    static Optional<Checkpoint> read(String json) {
        try {
            return Optional.of(ArxivOaiHarvester.JSON.readValue(json, Checkpoint.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Hugging Face: unreadable checkpoint %s; starting over", json);
            return Optional.empty();
        }
    }
}
