package io.paperstream.enrich.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperstream.events.PaperIds;
import io.paperstream.events.RawPaper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityResolverTest {
    static final String TITLE = "POINTS: Improving Your Vision-language Model with Affordable Strategies";
    static final String TITLE_ID = PaperIds.titleId(TITLE).orElseThrow();
    static long clock = 1_700_000_000_000_000L;

    /** What a consumer of papers.resolved and papers.aliases ends with: the last value of every key. */
    static final class Topics {
        final Map<String, RawPaper> papers = new HashMap<>();
        final Map<String, String> aliases = new HashMap<>();
        final Map<String, Long> lastRevision = new HashMap<>();

        void apply(List<Change> changes) {
            for (Change change : changes) {
                if (change instanceof Change.Upsert u) {
                    Long before = lastRevision.get(u.paper().id());
                    assertThat(before == null || u.paper().revision() > before)
                            .as("revisions of %s increase", u.paper().id())
                            .isTrue();
                    lastRevision.put(u.paper().id(), u.paper().revision());
                    papers.put(u.paper().id(), u.paper());
                } else if (change instanceof Change.Removed r) {
                    papers.remove(r.id());
                } else if (change instanceof Change.AliasSet a) {
                    aliases.put(a.alias(), a.canonical());
                } else if (change instanceof Change.AliasRemoved a) {
                    aliases.remove(a.alias());
                }
            }
        }
    }

    final MapIdentityStore store = new MapIdentityStore();
    final IdentityResolver resolver = new IdentityResolver(store);
    final Topics topics = new Topics();

    static RawPaper record(
            String format, String arxivId, String doi, String title, String abstractText, String... links) {
        return new RawPaper(
                PaperIds.derive(arxivId, doi, title),
                ++clock,
                title,
                abstractText,
                List.of("A. Author"),
                arxivId,
                doi,
                null,
                null,
                List.of(),
                null,
                Stream.of(links).map(u -> new RawPaper.SourceLink(u, null)).toList(),
                List.of(),
                new RawPaper.Source(format, null),
                Instant.ofEpochSecond(clock / 1_000_000));
    }

    void send(RawPaper... records) {
        for (RawPaper r : records) {
            topics.apply(resolver.apply(r));
        }
    }

    @Test
    void digestThenArxivIsOnePaperUnderTheArxivId() {
        send(record("digest", null, null, TITLE, "digest abstract"));
        assertThat(topics.papers).containsOnlyKeys(TITLE_ID);
        send(record("atom", "2409.04828v2", null, TITLE, "arXiv abstract"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
        RawPaper paper = topics.papers.get("arxiv:2409.04828");
        assertThat(paper.aliases()).containsExactly(TITLE_ID);
        assertThat(paper.abstractText()).isEqualTo("arXiv abstract");
        assertThat(paper.sources()).extracting(RawPaper.Source::format).containsExactly("atom", "digest");
        assertThat(topics.aliases).containsEntry(TITLE_ID, "arxiv:2409.04828");
        // the digest re-sent: it updates the same paper
        send(record("digest", null, null, TITLE, "digest abstract, again"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
    }

    static Stream<List<String>> orders() {
        List<String> all = List.of("digest", "atom", "hf-daily", "json-doi");
        List<List<String>> result = new ArrayList<>();
        permute(new ArrayList<>(all), 0, result);
        return result.stream();
    }

    private static void permute(List<String> items, int k, List<List<String>> out) {
        if (k == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = k; i < items.size(); i++) {
            java.util.Collections.swap(items, k, i);
            permute(items, k + 1, out);
            java.util.Collections.swap(items, k, i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void everyArrivalOrderEndsWithTheSamePaper(List<String> order) {
        Map<String, RawPaper> bySource = Map.of(
                "digest", record("digest", null, null, TITLE, "digest text https://github.com/a/digest"),
                "atom", record("atom", "2409.04828v1", null, TITLE, "arXiv text"),
                "hf-daily",
                        record(
                                "hf-daily",
                                "2409.04828",
                                null,
                                TITLE.toUpperCase(),
                                "hf text",
                                "https://github.com/a/hf"),
                "json-doi", record("json", null, "10.1145/XYZ", TITLE, "json text", "https://example.org/p"));
        // the DOI-only record's paper is found again through the arXiv record that names the DOI (sent last here)
        RawPaper linking = record("json", "2409.04828", "10.1145/xyz", TITLE, "json text with both ids");
        for (String source : order) {
            send(bySource.get(source));
        }
        send(linking);
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
        RawPaper paper = topics.papers.get("arxiv:2409.04828");
        assertThat(paper.title()).isEqualTo(TITLE);
        assertThat(paper.abstractText()).isEqualTo("arXiv text");
        assertThat(paper.doi()).isEqualTo("10.1145/xyz");
        assertThat(paper.aliases()).contains("doi:10.1145/xyz", TITLE_ID);
        // source links unioned; the digest's abstract named its code, arXiv's did not: kept as a source link
        assertThat(paper.links())
                .extracting(RawPaper.SourceLink::url)
                .containsExactlyInAnyOrder(
                        "https://github.com/a/hf", "https://example.org/p", "https://github.com/a/digest");
        assertThat(paper.sources())
                .extracting(RawPaper.Source::format)
                .containsExactly("atom", "hf-daily", "json", "digest");
        assertThat(topics.aliases)
                .containsEntry("doi:10.1145/xyz", "arxiv:2409.04828")
                .containsEntry(TITLE_ID, "arxiv:2409.04828");
    }

    @Test
    void differentArxivIdsWithEqualTitlesAreNeverMergedAndTheTitleBecomesAmbiguous() {
        send(record("atom", "2401.00001", null, "Introduction", "one"));
        assertThat(topics.aliases).containsKey(PaperIds.titleId("Introduction").orElseThrow());
        send(record("atom", "2401.00002", null, "Introduction", "two"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2401.00001", "arxiv:2401.00002");
        String introId = PaperIds.titleId("Introduction").orElseThrow();
        assertThat(topics.aliases).doesNotContainKey(introId);
        assertThat(topics.papers.get("arxiv:2401.00001").aliases()).doesNotContain(introId);
        // a title-only record with an ambiguous title stays a paper of its own, and is not absorbed later
        send(record("digest", null, null, "Introduction", "three"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2401.00001", "arxiv:2401.00002", introId);
        send(record("atom", "2401.00003", null, "Introduction", "four"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2401.00001", "arxiv:2401.00002", "arxiv:2401.00003", introId);
    }

    @Test
    void differentDoisAreNeverMergedAndAClaimedDoiStaysWithItsFirstArxivPaper() {
        send(record("json", null, "10.1000/a", "Same", "a"), record("json", null, "10.1000/b", "Same", "b"));
        assertThat(topics.papers).containsOnlyKeys("doi:10.1000/a", "doi:10.1000/b");
        send(record("atom", "2401.00001", "10.1000/a", "Same", "x"));
        send(record("atom", "2401.00002", "10.1000/a", "Same", "y"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2401.00001", "arxiv:2401.00002", "doi:10.1000/b");
        assertThat(topics.aliases).containsEntry("doi:10.1000/a", "arxiv:2401.00001");
    }

    @Test
    void aTitleOnlyRecordJoinsTheOnePaperWithItsTitle() {
        send(record("atom", "2409.04828", null, TITLE, "arXiv"));
        send(record("digest", null, null, TITLE, "digest"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
        // once merged, the digest's id stays with that paper even when the title becomes ambiguous
        send(record("atom", "2409.99999", null, TITLE, "another paper, same title"));
        send(record("digest", null, null, TITLE, "digest again"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828", "arxiv:2409.99999");
        assertThat(topics.aliases).containsEntry(TITLE_ID, "arxiv:2409.04828");
    }

    @Test
    void aRecordThatGivesOnlyItsIdIsKnownByIt() {
        RawPaper onlyId = RawPaper.builder()
                .id("arxiv:2409.04828")
                .revision(++clock)
                .title(TITLE)
                .abstractText("x")
                .source(new RawPaper.Source("kafka", null))
                .build();
        RawPaper doiOnlyId = RawPaper.builder()
                .id("doi:10.1000/q")
                .revision(++clock)
                .title("Other")
                .abstractText("y")
                .source(new RawPaper.Source("kafka", null))
                .build();
        send(onlyId, doiOnlyId);
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828", "doi:10.1000/q");
    }

    @Test
    void arxivDoiIsTheArxivId() {
        send(record("json", null, "10.48550/arXiv.2409.04828", TITLE, "x"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
        assertThat(topics.papers.get("arxiv:2409.04828").aliases()).containsExactly(TITLE_ID);
    }

    @Test
    void aTombstoneForAnyIdDeletesThePaperAndItsAliases() {
        send(record("digest", null, null, TITLE, "d"), record("atom", "2409.04828", "10.1/abcd", TITLE, "a"));
        topics.apply(resolver.delete(TITLE_ID));
        assertThat(topics.papers).isEmpty();
        assertThat(topics.aliases).isEmpty();
        assertThat(store.ids).isEmpty();
        assertThat(store.clusters).isEmpty();
        // and it can come back
        send(record("atom", "2409.04828", null, TITLE, "again"));
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
        // an unknown id: the tombstone passes through
        assertThat(resolver.delete("arxiv:2501.00001")).containsExactly(new Change.Removed("arxiv:2501.00001"));
    }

    @Test
    void anOlderRecordOfTheSameSourceDoesNotReplaceANewerOne() {
        RawPaper newer = record("atom", "2409.04828", null, TITLE, "newer");
        RawPaper older = RawPaper.builder()
                .id(newer.id())
                .revision(newer.revision() - 10)
                .title(TITLE)
                .abstractText("older")
                .arxivId("2409.04828")
                .publishedOn(LocalDate.of(2024, 9, 1))
                .source(newer.source())
                .build();
        send(newer, older);
        assertThat(topics.papers.get("arxiv:2409.04828").abstractText()).isEqualTo("newer");
    }

    @Test
    void precedencePicksArxivMetadataOverHuggingFaceOverTheDigest() {
        RawPaper digest = RawPaper.builder()
                .id(TITLE_ID)
                .revision(++clock)
                .title(TITLE)
                .abstractText("digest")
                .authors(List.of("Digest Author"))
                .publishedOn(LocalDate.of(2024, 9, 10))
                .keywords(List.of("kw1"))
                .source(new RawPaper.Source("digest", null))
                .build();
        RawPaper hf = RawPaper.builder()
                .id("arxiv:2409.04828")
                .revision(++clock)
                .title(TITLE)
                .abstractText("hf")
                .authors(List.of("HF Author"))
                .arxivId("2409.04828")
                .publishedOn(LocalDate.of(2024, 9, 9))
                .links(List.of(new RawPaper.SourceLink("https://github.com/x/y", "github")))
                .keywords(List.of("kw2"))
                .source(new RawPaper.Source("hf-daily", null))
                .build();
        RawPaper oai = RawPaper.builder()
                .id("arxiv:2409.04828")
                .revision(++clock)
                .title("arXiv title")
                .abstractText("arXiv")
                .authors(List.of("Ada Lovelace"))
                .arxivId("2409.04828v3")
                .doi("10.48550/arXiv.2409.04828")
                .publishedOn(LocalDate.of(2024, 9, 7))
                .categories(List.of("cs.CV", "cs.CL"))
                .comment("12 pages")
                .source(new RawPaper.Source("arxiv-oai", null))
                .license("http://creativecommons.org/licenses/by/4.0/")
                .build();
        send(digest, hf, oai);
        RawPaper paper = topics.papers.get("arxiv:2409.04828");
        assertThat(paper.title()).isEqualTo("arXiv title");
        assertThat(paper.abstractText()).isEqualTo("arXiv");
        assertThat(paper.authors()).containsExactly("Ada Lovelace");
        assertThat(paper.publishedOn()).isEqualTo(LocalDate.of(2024, 9, 7));
        assertThat(paper.categories()).containsExactly("cs.CV", "cs.CL");
        assertThat(paper.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(paper.links()).extracting(RawPaper.SourceLink::url).containsExactly("https://github.com/x/y");
        assertThat(paper.keywords()).containsExactly("kw2", "kw1");
        assertThat(paper.source().format()).isEqualTo("arxiv-oai");
        // the digest joined through Hugging Face's record of the same title; both titles name the paper
        assertThat(paper.aliases())
                .containsExactlyInAnyOrder(
                        TITLE_ID, PaperIds.titleId("arXiv title").orElseThrow());
        assertThat(topics.papers).containsOnlyKeys("arxiv:2409.04828");
    }
}
