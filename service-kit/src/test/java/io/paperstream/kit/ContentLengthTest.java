package io.paperstream.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentLengthTest {
    @Test
    void aNumberIsItsValue() {
        assertThat(ContentLength.parse("0")).isZero();
        assertThat(ContentLength.parse("42")).isEqualTo(42);
        assertThat(ContentLength.parse("10485760")).isEqualTo(10_485_760);
        assertThat(ContentLength.parse(String.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void surroundingWhiteSpaceIsIgnored() {
        assertThat(ContentLength.parse(" 42 ")).isEqualTo(42);
        assertThat(ContentLength.parse("\t42\r\n")).isEqualTo(42);
    }

    @Test
    void anAbsentHeaderIsUnknown() {
        assertThat(ContentLength.parse(null)).isEqualTo(ContentLength.UNKNOWN).isEqualTo(-1);
    }

    @Test
    void whatIsNotANumberIsUnknown() {
        assertThat(ContentLength.parse("")).isEqualTo(-1);
        assertThat(ContentLength.parse("   ")).isEqualTo(-1);
        assertThat(ContentLength.parse("abc")).isEqualTo(-1);
        assertThat(ContentLength.parse("12abc")).isEqualTo(-1);
        assertThat(ContentLength.parse("4 2")).isEqualTo(-1);
        assertThat(ContentLength.parse("1.5")).isEqualTo(-1);
        assertThat(ContentLength.parse("0x10")).isEqualTo(-1);
        assertThat(ContentLength.parse("42, 42")).isEqualTo(-1);
    }

    @Test
    void aNumberBeyondALongIsUnknown() {
        assertThat(ContentLength.parse("9223372036854775808")).isEqualTo(-1);
        assertThat(ContentLength.parse("99999999999999999999999")).isEqualTo(-1);
    }

    @Test
    void aSignIsTakenAsLongParseLongTakesIt() {
        // as the routes' copies did: a negative length is answered as given, never over a limit
        assertThat(ContentLength.parse("-5")).isEqualTo(-5);
        assertThat(ContentLength.parse("+42")).isEqualTo(42);
        assertThat(ContentLength.parse("-")).isEqualTo(-1);
    }
}
