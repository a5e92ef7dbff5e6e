package io.paperstream.ingest.domain.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.ingest.domain.PaperInput;
import io.paperstream.ingest.domain.SourceRecord;
import io.paperstream.ingest.domain.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The arXiv metadata snapshot's records mapped field by field, table-driven; recognised by shape in NDJSON and JSON. */
public class ArxivSnapshotMapperTest {
    /** The first record of the real snapshot file (values as arXiv publishes them). */
    public static final String FIRST = """
            {"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",\
            "title":"Calculation of prompt diphoton production cross sections at Tevatron and\\n  LHC energies",\
            "comments":"37 pages, 15 figures; published version","journal-ref":"Phys.Rev.D76:013009,2007",\
            "doi":"10.1103/PhysRevD.76.013009","report-no":"ANL-HEP-PR-07-12","categories":"hep-ph",\
            "license":null,"abstract":"  A fully differential calculation in perturbative quantum chromodynamics is\\npresented.\\n",\
            "versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],\
            "update_date":"2008-11-13","authors_parsed":[["Balázs","C.",""],["Berger","E. L.",""],["Nadolsky","P. M.",""],["Yuan","C. -P.",""]]}""";

    /** A recent cs record with a licence, several categories, a code link in its comment and a suffix. */
    public static final String RECENT = """
            {"id":"2409.04828","submitter":"Yuan Liu","authors":"Yuan Liu, Zhongyin Zhao and Le Tian",\
            "title":"POINTS: Improving Your Vision-language Model with Affordable Strategies",\
            "comments":"Code: https://github.com/WePOINTS/WePOINTS","journal-ref":null,"doi":null,"report-no":null,\
            "categories":"cs.CV cs.CL  cs.LG","license":"http://creativecommons.org/licenses/by/4.0/",\
            "abstract":"In recent years, vision-language models have made significant strides.",\
            "versions":[{"version":"v1","created":"Sat, 7 Sep 2024 13:41:37 GMT"},{"version":"v2","created":"Tue, 10 Sep 2024 12:01:02 GMT"},{"version":"v3","created":"Mon, 2 Dec 2024 09:00:00 GMT"}],\
            "update_date":"2024-12-03","authors_parsed":[["Liu","Yuan",""],["Zhao","Zhongyin",""],["Tian","Le","Jr"]]}""";

    static Stream<Arguments> fields() {
        return Stream.of(
                row(FIRST, "arxivId", PaperInput::arxivId, "0704.0001v2"),
                row(
                        FIRST,
                        "title",
                        PaperInput::title,
                        "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies"),
                row(
                        FIRST,
                        "authors from authors_parsed",
                        PaperInput::authors,
                        List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan")),
                row(FIRST, "categories", PaperInput::categories, List.of("hep-ph")),
                row(FIRST, "publishedOn = first version", PaperInput::publishedOn, "2007-04-02"),
                row(FIRST, "updatedAt = update_date", PaperInput::updatedAt, "2008-11-13"),
                row(FIRST, "comment", PaperInput::comment, "37 pages, 15 figures; published version"),
                row(FIRST, "doi", PaperInput::doi, "10.1103/PhysRevD.76.013009"),
                row(FIRST, "license null", PaperInput::license, null),
                row(RECENT, "arxivId latest version", PaperInput::arxivId, "2409.04828v3"),
                row(RECENT, "categories split at spaces", PaperInput::categories, List.of("cs.CV", "cs.CL", "cs.LG")),
                row(RECENT, "suffix", PaperInput::authors, List.of("Yuan Liu", "Zhongyin Zhao", "Le Tian Jr")),
                row(RECENT, "publishedOn", PaperInput::publishedOn, "2024-09-07"),
                row(RECENT, "license", PaperInput::license, "http://creativecommons.org/licenses/by/4.0/"),
                row(
                        RECENT,
                        "comment keeps the code link",
                        PaperInput::comment,
                        "Code: https://github.com/WePOINTS/WePOINTS"),
                row(RECENT, "no doi", PaperInput::doi, null),
                row(
                        "{\"id\":\"math/0703001\",\"authors\":\"A. One, B. Two and C. Three\",\"title\":\"Old style\","
                                + "\"abstract\":\"An old-style identifier.\",\"categories\":\"math.AG\",\"versions\":[]}",
                        "authors string split (no authors_parsed)",
                        PaperInput::authors,
                        List.of("A. One", "B. Two", "C. Three")),
                row(
                        "{\"id\":\"math/0703001\",\"authors\":\"A. One, B. Two, and C. Three\",\"versions\":[]}",
                        "Oxford comma",
                        PaperInput::authors,
                        List.of("A. One", "B. Two", "C. Three")),
                row(
                        "{\"id\":\"math/0703001\",\"versions\":[]}",
                        "old-style id, no version",
                        PaperInput::arxivId,
                        "math/0703001"),
                row(
                        "{\"id\":\"1501.00001\",\"doi\":\"10.1000/a 10.1000/b\",\"versions\":[]}",
                        "first of several DOIs",
                        PaperInput::doi,
                        "10.1000/a"),
                row(
                        "{\"id\":\"1501.00001\",\"versions\":[{\"version\":\"v1\",\"created\":\"2015-01-01T10:00:00Z\"}]}",
                        "ISO created",
                        PaperInput::publishedOn,
                        "2015-01-01"),
                row(
                        "{\"id\":\"1501.00001\",\"categories\":\"\",\"authors_parsed\":[]}",
                        "empty categories",
                        PaperInput::categories,
                        List.of()));
    }

    private static Arguments row(String json, String what, Function<PaperInput, Object> field, Object expected) {
        return Arguments.of(what, json, field, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("fields")
    void mapsEachField(String what, String json, Function<PaperInput, Object> field, Object expected) {
        SourceRecord record = ArxivSnapshotMapper.toRecord(0, "line 1", Json.parse(json));
        assertThat(record.readErrors()).isEmpty();
        assertThat(field.apply(record.input())).isEqualTo(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(
                        "{\"id\":\"1\",\"versions\":[{\"version\":\"v1\",\"created\":\"yesterday\"}]}",
                        "versions[0].created",
                        "invalid"),
                Arguments.of("{\"id\":\"1\",\"versions\":{}}", "versions", "wrong-type"),
                Arguments.of("{\"id\":\"1\",\"categories\":[\"cs.CL\"],\"versions\":[]}", "categories", "wrong-type"),
                Arguments.of("{\"id\":\"1\",\"authors_parsed\":[\"x\"]}", "authors_parsed[0]", "wrong-type"),
                Arguments.of("{\"id\":\"1\",\"title\":7,\"versions\":[]}", "title", "wrong-type"));
    }

    @ParameterizedTest(name = "[{index}] {1} {2}")
    @MethodSource("errors")
    void namesTheFieldInError(String json, String field, String code) {
        SourceRecord record = ArxivSnapshotMapper.toRecord(0, "line 1", Json.parse(json));
        assertThat(record.readErrors())
                .extracting(Violation::field, Violation::code)
                .contains(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void isRecognisedByShapeInNdjsonAndNamesTheFormat() {
        String body =
                FIRST + "\n" + RECENT + "\n{\"title\": \"A paperstream paper\", \"abstract\": \"Its own shape.\"}\n";
        ParsedBody parsed = BodyParsers.read(
                Format.NDJSON,
                false,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                1 << 20,
                Optional.empty(),
                LocalDate.of(2025, 1, 1));
        assertThat(parsed.format()).isEqualTo(Format.ARXIV_SNAPSHOT);
        List<SourceRecord> records = new ArrayList<>();
        parsed.records().forEachRemaining(records::add);
        assertThat(records).extracting(r -> r.input().arxivId()).containsExactly("0704.0001v2", "2409.04828v3", null);
        assertThat(records.get(2).input().title()).isEqualTo("A paperstream paper");
    }

    @Test
    void plainNdjsonStaysNdjson() {
        ParsedBody parsed = BodyParsers.read(
                Format.NDJSON,
                false,
                new ByteArrayInputStream("{\"title\": \"T\", \"abstract\": \"A\"}\n".getBytes(StandardCharsets.UTF_8)),
                1 << 20,
                Optional.empty(),
                LocalDate.of(2025, 1, 1));
        assertThat(parsed.format()).isEqualTo(Format.NDJSON);
    }

    @Test
    void theFormatParameterReadsEveryLineAsASnapshotRecord() {
        ParsedBody parsed = BodyParsers.read(
                Format.ARXIV_SNAPSHOT,
                true,
                new ByteArrayInputStream("{\"id\":\"2401.00001\",\"title\":\"T\"}\n".getBytes(StandardCharsets.UTF_8)),
                1 << 20,
                Optional.empty(),
                LocalDate.of(2025, 1, 1));
        assertThat(parsed.format()).isEqualTo(Format.ARXIV_SNAPSHOT);
        assertThat(parsed.records().next().input().arxivId()).isEqualTo("2401.00001");
    }

    @Test
    void aSnapshotRecordPostedAsJsonIsRecognisedToo() {
        ParsedBody parsed = BodyParsers.read(
                Format.JSON,
                false,
                new ByteArrayInputStream(RECENT.getBytes(StandardCharsets.UTF_8)),
                1 << 20,
                Optional.empty(),
                LocalDate.of(2025, 1, 1));
        assertThat(parsed.format()).isEqualTo(Format.ARXIV_SNAPSHOT);
        assertThat(parsed.records().next().input().categories()).containsExactly("cs.CV", "cs.CL", "cs.LG");
    }
}
