package io.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetTest {
    private static List<String> marked(Snippet s) {
        return s.matches().stream().map(m -> s.text().substring(m[0], m[1])).toList();
    }

    @Test
    void lexemesOfATsqueryLeaveNegatedOnesOut() {
        assertThat(Snippet.lexemes("'languag' & 'model'")).containsExactly("languag", "model");
        assertThat(Snippet.lexemes("'vision' <-> 'languag' & !'survey'")).containsExactly("vision", "languag");
        assertThat(Snippet.lexemes("'a' & !( 'b' <-> 'c' ) & 'd'")).containsExactly("a", "d");
        assertThat(Snippet.lexemes("'o''neil' | 'state-of-the-art'")).containsExactly("o'neil", "state-of-the-art");
        assertThat(Snippet.lexemes(null)).isEmpty();
        assertThat(Snippet.lexemes("")).isEmpty();
    }

    @Test
    void wordsWhoseEnglishStemMatchesAreMarked() {
        Snippet s = Snippet.of("Large Language Models and\n  the modelling of languages.", Set.of("languag", "model"));
        assertThat(s.text()).isEqualTo("Large Language Models and the modelling of languages.");
        assertThat(marked(s)).containsExactly("Language", "Models", "modelling", "languages");
    }

    @Test
    void aHyphenatedWordMatchesWholeOrByItsParts() {
        assertThat(marked(Snippet.of("Vision-language models.", Set.of("vision-languag"))))
                .containsExactly("Vision-language");
        assertThat(marked(Snippet.of("Vision-language models.", Set.of("languag"))))
                .containsExactly("language");
    }

    @Test
    void longAbstractsAreCutAroundTheFirstMatchAtWordBoundaries() {
        String filler = "lorem ipsum dolor sit amet ".repeat(20);
        String text = filler + "a diffusion model " + filler;
        Snippet s = Snippet.of(text, Set.of("diffus"));
        assertThat(s.text()).startsWith("… ").endsWith(" …");
        assertThat(s.text().length()).isLessThanOrEqualTo(Snippet.MAX_CHARS + 4);
        assertThat(marked(s)).containsExactly("diffusion");
        assertThat(s.text().substring(2, s.text().length() - 2))
                .doesNotStartWith(" ")
                .doesNotEndWith(" ");
        assertThat(text).contains(s.text().substring(2, s.text().length() - 2));
        // without a search: the abstract's start
        Snippet plain = Snippet.of(text, Set.of());
        assertThat(plain.text()).startsWith("lorem ipsum").endsWith(" …");
        assertThat(plain.matches()).isEmpty();
        assertThat(Snippet.of("  ", Set.of())).isNull();
        assertThat(Snippet.of("Short.", Set.of()).text()).isEqualTo("Short.");
    }
}
