import io.paperstream.enrich.domain.Enricher;
import io.paperstream.enrich.domain.tags.Taxonomy;
import io.paperstream.events.EnrichedPaper;
import io.paperstream.events.PaperJson;
import io.paperstream.events.RawPaper;
import io.paperstream.ingest.domain.BatchIngestor;
import io.paperstream.ingest.domain.PaperLimits;
import io.paperstream.ingest.domain.PaperSink;
import io.paperstream.ingest.domain.PaperValidator;
import io.paperstream.ingest.domain.RevisionClock;
import io.paperstream.ingest.domain.format.DigestParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the sample digest (deploy/local/sample) as the papers.enriched records the pipeline makes of it: ingest's
 * digest parser and validator, then enrich's Enricher with the built-in taxonomy; the browser tests feed these to
 * query-service. Not compiled by Maven; run it after changing the sample, the parser or the enricher:
 *   ./mvnw -B -q -o -pl ingest-service,enrich-service -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   CP=ingest-service/target/classes:enrich-service/target/classes:paper-events/target/classes:$(cat ingest-service/target/cp.txt):$(cat enrich-service/target/cp.txt)
 *   java -cp "$CP" query-service/src/test/ui-fixture/MakeSampleFixture.java deploy/local/sample/daily-papers-sample.txt \
 *        query-service/src/test/resources/ui/sample-enriched.ndjson
 */
public class MakeSampleFixture {
    public static void main(String[] args) throws Exception {
        String digest = Files.readString(Path.of(args[0]));
        var parsed = DigestParser.parse(digest, Optional.of(LocalDate.of(2024, 3, 14)), LocalDate.of(2024, 3, 14));
        List<RawPaper> raw = new ArrayList<>();
        PaperSink sink = raw::addAll;
        new BatchIngestor(new PaperValidator(PaperLimits.DEFAULTS), new RevisionClock(Clock.systemUTC()), 100)
                .ingest(parsed.records().iterator(), sink, new RawPaper.Source("digest", "daily-papers-sample.txt"));
        Enricher enricher = new Enricher(Taxonomy.fromResource("/taxonomy/taxonomy.yaml"), "fixture");
        StringBuilder out = new StringBuilder();
        Instant now = Instant.parse("2024-03-14T12:00:00Z");
        for (RawPaper p : raw) {
            EnrichedPaper e = enricher.enrich(p, now);
            out.append(PaperJson.mapper().writeValueAsString(e)).append('\n');
        }
        Files.writeString(Path.of(args[1]), out);
        System.out.println(raw.size() + " papers written to " + args[1]);
    }
}
