package io.paperstream.ingest.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paperstream.events.PaperIds;
import io.paperstream.events.RawPaper;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.sources.OaiPmhParser.OaiPage;
import io.paperstream.ingest.sources.OaiPmhParser.OaiRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Harvests arXiv over OAI-PMH: {@code ListRecords} with {@code metadataPrefix=arXiv}, per configured set, from a
 * date, following resumption tokens to the end of the list. After each page is published (every paper acknowledged
 * by Kafka) the checkpoint of the set moves on (the next token); a restarted or moved harvester continues from it.
 * When a list ends, the next harvest of the set starts from the date of the first answer of this one (OAI-PMH's
 * {@code responseDate}: every record changed since has a datestamp on or after it). A token arXiv no longer knows
 * ({@code badResumptionToken}) restarts the list from its {@code from}; {@code noRecordsMatch} is an empty list.
 *
 * <p>Checkpoint (key {@code arxiv-oai:<set>}): {@code {"from", "token", "nextFrom", "configuredFrom", "pages"}}.
 * A configured {@code from} that differs from the one the checkpoint was made with starts over from it.
 */
public final class ArxivOaiHarvester {
    public static final String FORMAT = "arxiv-oai";
    private static final Logger LOG = Logger.getLogger(ArxivOaiHarvester.class);
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final String baseUrl;
    private final List<String> sets;
    private final Optional<LocalDate> configuredFrom;
    private final SourceHttp http;
    private final SourcePublisher publisher;
    private final Checkpoints checkpoints;
    private final SourceStatus status;
    private final Clock clock;

    /** The position of one set's harvest. */
    public record Checkpoint(String from, String token, String nextFrom, String configuredFrom, long pages) {}

    public ArxivOaiHarvester(
            String baseUrl,
            List<String> sets,
            Optional<LocalDate> configuredFrom,
            SourceHttp http,
            SourcePublisher publisher,
            Checkpoints checkpoints,
            SourceStatus status,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.sets = sets.isEmpty() ? List.of("") : List.copyOf(sets);
        this.configuredFrom = configuredFrom;
        this.http = http;
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.status = status;
        this.clock = clock;
    }

    /** "cs, math ,physics:hep-th" → [cs, math, physics:hep-th]; "*" or blank → one harvest without a set. */
    public static List<String> sets(String configured) {
        List<String> out = new ArrayList<>();
        for (String set : configured == null ? new String[0] : configured.split(",")) {
            if (!set.isBlank() && !set.trim().equals("*")) {
                out.add(set.trim());
            }
        }
        return out;
    }

    public static String key(String set) {
        return FORMAT + ":" + (set.isEmpty() ? "*" : set);
    }

    /** One harvest of every set, each to the end of its list. */
    public void harvest() throws InterruptedException {
        SourceFailure failure = null;
        for (String set : sets) {
            try {
                harvest(set);
            } catch (SourceFailure e) {
                failure = e; // the other sets still get their turn
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    public void harvest(String set) throws InterruptedException {
        Checkpoint at = start(set);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            URI uri = at.token() != null ? tokenUri(at.token()) : listUri(set, at.from());
            status.position(key(set) + " from " + at.from() + (at.token() == null ? "" : " token " + at.token()));
            OaiPage page = http.get(
                    uri,
                    OaiPmhParser::parse,
                    p -> p.noRecordsMatch() ? "no-records-match" : p.error() ? "oai-error" : "ok");
            if (page.error() && !page.noRecordsMatch()) {
                if ("badResumptionToken".equals(page.errorCode()) && at.token() != null) {
                    LOG.warnf(
                            "arXiv: the resumption token of set %s is no longer valid (%s); listing again from %s",
                            label(set), page.errorMessage(), at.from());
                    at = new Checkpoint(at.from(), null, null, at.configuredFrom(), at.pages());
                    save(set, at);
                    continue;
                }
                status.failed("OAI-PMH error " + page.errorCode() + ": " + page.errorMessage());
                throw new SourceFailure(
                        "arXiv OAI-PMH error " + page.errorCode() + " for " + uri + ": " + page.errorMessage());
            }
            String nextFrom = at.nextFrom() != null
                    ? at.nextFrom()
                    : page.responseDate().atZone(ZoneOffset.UTC).toLocalDate().toString();
            publish(page.records(), set);
            if (page.resumptionToken() == null) {
                Checkpoint done = new Checkpoint(nextFrom, null, null, at.configuredFrom(), at.pages() + 1);
                save(set, done);
                LOG.infof(
                        "arXiv: set %s harvested from %s (%d pages in all so far); next from %s",
                        label(set), at.from(), done.pages(), nextFrom);
                return;
            }
            at = new Checkpoint(at.from(), page.resumptionToken(), nextFrom, at.configuredFrom(), at.pages() + 1);
            save(set, at);
        }
    }

    private Checkpoint start(String set) {
        String configured = configuredFrom.map(LocalDate::toString).orElse(null);
        Optional<Checkpoint> saved = checkpoints.get(key(set)).flatMap(ArxivOaiHarvester::read);
        if (saved.isPresent()
                && (configured == null || configured.equals(saved.get().configuredFrom()))) {
            return saved.get();
        }
        String from = configured != null
                ? configured
                : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(3).toString();
        return new Checkpoint(from, null, null, configured, 0);
    }

    private void publish(List<OaiRecord> records, String set) {
        RawPaper.Source source = new RawPaper.Source(FORMAT, set.isEmpty() ? "arxiv" : "arxiv:" + set);
        List<SourceRecord> papers = new ArrayList<>();
        for (OaiRecord record : records) {
            if (record.deleted()) {
                publisher.publish(papers, source, status);
                papers.clear();
                Optional<String> id = PaperIds.normaliseArxivId(record.arxivId() == null ? "" : record.arxivId());
                if (id.isPresent()) {
                    publisher.delete(PaperIds.derive(id.get(), null, null), status);
                } else {
                    LOG.warnf("arXiv: deleted record %s has no arXiv identifier; ignored", record.identifier());
                }
            } else {
                papers.add(record.record());
            }
        }
        publisher.publish(papers, source, status);
    }

    private void save(String set, Checkpoint checkpoint) {
        try {
            checkpoints.put(key(set), JSON.writeValueAsString(checkpoint));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Checkpoint> read(String json) {
        try {
            return Optional.of(JSON.readValue(json, Checkpoint.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("arXiv: unreadable checkpoint %s; starting over", json);
            return Optional.empty();
        }
    }

    private URI listUri(String set, String from) {
        return URI.create(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "verb=ListRecords&metadataPrefix=arXiv"
                + (set.isEmpty() ? "" : "&set=" + encode(set)) + "&from=" + encode(from));
    }

    private URI tokenUri(String token) {
        return URI.create(
                baseUrl + (baseUrl.contains("?") ? "&" : "?") + "verb=ListRecords&resumptionToken=" + encode(token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String label(String set) {
        return set.isEmpty() ? "(all)" : set;
    }
}
