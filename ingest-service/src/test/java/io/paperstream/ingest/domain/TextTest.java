package io.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Text hygiene: what is refused and the normal form of what is kept. */
class TextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain title", "-", "ascii"),
                Arguments.of("tab\tand\nnewline\rare ok", "-", "whitespace controls are whitespace"),
                Arguments.of("bell\u0007", "control-character", "C0 control"),
                Arguments.of("nul\u0000x", "control-character", "NUL"),
                Arguments.of("del\u007fx", "control-character", "DEL"),
                Arguments.of("c1\u0085x", "control-character", "C1 control"),
                Arguments.of("rtl\u202eoverride", "control-character", "bidi override"),
                Arguments.of("isolate\u2066x", "control-character", "bidi isolate"),
                Arguments.of("lone\ud800surrogate", "invalid-unicode", "unpaired high surrogate"),
                Arguments.of("lone\udc00surrogate", "invalid-unicode", "unpaired low surrogate"),
                Arguments.of("non\ufffecharacter", "invalid-unicode", "noncharacter U+FFFE"),
                Arguments.of("emoji \ud83d\ude00 ok", "-", "astral plane pair"),
                Arguments.of("zero\u200dwidth joiner", "-", "ZWJ is kept"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("texts")
    void problems(String text, String code, String why) {
        assertThat(Text.problem("title", text).map(Violation::code).orElse("-"))
                .as(why)
                .isEqualTo(code);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', textBlock = """
            '  a   b  '                 | a b             | trims and collapses
            'a\t\n\r b'                 | a b             | all whitespace is one space
            'no\u00a0break\u202fspaces' | no break spaces | no-break spaces collapse
            'Cafe\u0301'                | Café            | NFC composes
            """)
    void normalises(String text, String expected, String why) {
        assertThat(Text.normalise(text)).as(why).isEqualTo(expected);
    }

    /** The one-pass shortcut never answers for text the full checks would refuse or change. */
    @org.junit.jupiter.api.Test
    void plainLengthAgreesWithTheFullChecks() {
        char[] alphabet = {
            'a', 'Z', '0', ' ', ' ', '.', '~', '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f',
            '\u00a0', '\u00a1', '\u00e9', '\u00ad', '\u02ff', '\u0300', '\u0301', '\u202e', '\u2066', '\ud800',
            '\udc00', '\ufffe', '\ufdd0', '\u3000', '\u4e2d'
        };
        java.util.Random random = new java.util.Random(7);
        int plain = 0;
        for (int n = 0; n < 200_000; n++) {
            char[] text = new char[random.nextInt(8)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(random.nextBoolean() ? 7 : alphabet.length)];
            }
            String s = new String(text);
            int length = Text.plainLength(s);
            if (length >= 0) {
                plain++;
                assertThat(Text.problem("t", s)).as(s).isEmpty();
                assertThat(Text.normalise(s)).as(s).isEqualTo(s);
                assertThat(Text.length(s)).as(s).isEqualTo(length);
            }
        }
        assertThat(plain).as("the shortcut is taken for plain text").isGreaterThan(10_000);
        assertThat(Text.plainLength("Attention Is All You Need — Über café"))
                .isEqualTo(-1); // U+2014 takes the full path
        assertThat(Text.plainLength("Über café, naïve")).isEqualTo(16);
    }

    @org.junit.jupiter.api.Test
    void lengthCountsCodePoints() {
        assertThat(Text.length("😀😀")).isEqualTo(2);
    }
}
