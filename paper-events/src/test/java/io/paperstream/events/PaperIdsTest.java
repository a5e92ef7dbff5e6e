package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperIdsTest {

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "2409.04828v2       | 10.1/x         | Some title | arxiv:2409.04828",
                "arXiv:2409.04828   | null           | null       | arxiv:2409.04828",
                "ARXIV:2409.04828V11| null           | null       | arxiv:2409.04828",
                "1706.03762         | null           | null       | arxiv:1706.03762",
                "hep-th/9901001v3   | null           | null       | arxiv:hep-th/9901001",
                "math.AG/0601001    | null           | null       | arxiv:math.ag/0601001",
                "null               | 10.1145/ABC.12 | Some title | doi:10.1145/abc.12",
                "not-an-id          | https://doi.org/10.48550/arXiv.2409.04828 | t | arxiv:2409.04828",
                "null               | 10.48550/ARXIV.hep-th/9901001 | t | arxiv:hep-th/9901001",
                "null               | doi:10.1000/XYZ| null       | doi:10.1000/xyz",
            })
    void prefersArxivThenDoi(String arxiv, String doi, String title, String expected) {
        assertThat(PaperIds.derive(arxiv, doi, title)).isEqualTo(expected);
        assertThat(PaperIds.isValid(expected)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "arxiv:2409.04828                          | arxiv:2409.04828",
                "arXiv:2409.04828v3                        | arxiv:2409.04828",
                "ARXIV:2409.04828                          | arxiv:2409.04828",
                "2409.04828                                | arxiv:2409.04828",
                "2409.04828v12                             | arxiv:2409.04828",
                " 2409.04828 \t                            | arxiv:2409.04828",
                "hep-th/9901001                            | arxiv:hep-th/9901001",
                "arXiv:hep-th/9901001v2                    | arxiv:hep-th/9901001",
                "https://arxiv.org/abs/2409.04828v2        | arxiv:2409.04828",
                "http://arxiv.org/pdf/2409.04828.pdf       | arxiv:2409.04828",
                "https:/arxiv.org/abs/hep-th/9901001       | arxiv:hep-th/9901001",
                "doi:10.1145/ABC.12                        | doi:10.1145/abc.12",
                "DOI:10.1145/abc.12                        | doi:10.1145/abc.12",
                "10.1145/abc.12                            | doi:10.1145/abc.12",
                "https://doi.org/10.1145/ABC.12            | doi:10.1145/abc.12",
                "https:/doi.org/10.1145/abc.12             | doi:10.1145/abc.12",
                "http://dx.doi.org/10.1145/abc.12          | doi:10.1145/abc.12",
                "10.48550/arXiv.2409.04828                 | arxiv:2409.04828",
                "doi:10.48550/ARXIV.2409.04828             | arxiv:2409.04828",
                "https://doi.org/10.48550/arXiv.2409.04828 | arxiv:2409.04828",
                "title:0123456789ABCDEF                    | title:0123456789abcdef",
                "title:0123456789abcdef                    | title:0123456789abcdef",
                "not an id                                 | null",
                "2409.048                                  | null",
                "arxiv:                                    | null",
                "title:xyz                                 | null",
                "10.1/x                                    | null",
                "''                                        | null",
            })
    void parsesEveryIdForm(String text, String expected) {
        assertThat(PaperIds.parseAnyForm(text).orElse(null)).isEqualTo(expected);
        if (expected != null) {
            assertThat(PaperIds.isValid(expected)).isTrue();
        }
    }

    @Test
    void arxivDoiIsTheArxivIdAndNotAnExternalDoi() {
        assertThat(PaperIds.arxivOfDoi("10.48550/arXiv.2409.04828")).contains("2409.04828");
        assertThat(PaperIds.externalDoi("10.48550/arXiv.2409.04828")).isEmpty();
        assertThat(PaperIds.externalDoi("https://doi.org/10.1145/X")).contains("10.1145/x");
        assertThat(PaperIds.arxivOfDoi("10.1145/x")).isEmpty();
    }

    @Test
    void titleIdIsStableUnderCaseSpacingPunctuationAndUnicodeForms() {
        String id =
                PaperIds.derive(null, null, "POINTS: Improving Your Vision-language Model with Affordable Strategies");
        assertThat(id).matches("title:[0-9a-f]{16}");
        assertThat(PaperIds.derive(
                        null, null, "  points   improving your vision language model with affordable strategies "))
                .isEqualTo(id);
        // NFKC: the "ﬁ" ligature and full-width letters are the same title as their plain forms
        assertThat(PaperIds.derive(null, null, "Eﬃcient Ｍodels"))
                .isEqualTo(PaperIds.derive(null, null, "Efficient Models"));
        assertThat(PaperIds.derive(null, null, "Another title")).isNotEqualTo(id);
    }

    @Test
    void knownTitleHash() {
        // sha256("attention is all you need") starts with these 16 hex digits
        assertThat(PaperIds.derive(null, null, "Attention Is All You Need!"))
                .isEqualTo("title:"
                        + "attention is all you need"
                                .transform(PaperIdsTest::sha256)
                                .substring(0, 16));
    }

    @Test
    void refusesAPaperWithNothingToIdentifyIt() {
        assertThatThrownBy(() -> PaperIds.derive(null, "not a doi", "  ... "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"arxiv:2409.04828v2", "arxiv:abc", "doi:10.1/ABC", "title:XYZ", "title:0123456789abcde", "other:1"})
    void rejectsMalformedIds(String id) {
        assertThat(PaperIds.isValid(id)).isFalse();
    }

    @Test
    void arxivVersion() {
        assertThat(PaperIds.arxivVersion("2409.04828v2")).contains(2);
        assertThat(PaperIds.arxivVersion("2409.04828")).isEmpty();
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
