package io.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every consumer reads a record the same way, and a refused record gets the same reason whichever stage refused it. */
class EventReaderTest {
    private static final String ID = "arxiv:2401.00001";

    private static String raw(String id) throws Exception {
        RawPaper paper = RawPaper.builder()
                .id(id)
                .revision(1)
                .title("A title")
                .abstractText("An abstract.")
                .authors(List.of("A. Author"))
                .publishedOn(LocalDate.of(2024, 1, 2))
                .build();
        return PaperJson.mapper().writeValueAsString(paper);
    }

    @Test
    void aValidRecordIsReadAsThePaper() throws Exception {
        assertThat(EventReader.raw(ID, raw(ID).getBytes(StandardCharsets.UTF_8)).title())
                .isEqualTo("A title");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not-an-id        | {}                        | record key is not a paper id: not-an-id",
                "arxiv:2401.00001 | {not json                 | value is not JSON",
                "arxiv:2401.00001 | {\"id\":\"arxiv:2401.00001\"} | value violates the RawPaper v1 schema",
            })
    void refusedWithTheReason(String key, String value, String reason) {
        assertThatThrownBy(() -> EventReader.raw(key, value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventReader.InvalidEventException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void bytesThatAreNotUtf8() {
        assertThatThrownBy(() -> EventReader.raw(ID, new byte[] {(byte) 0xC3, (byte) 0x28}))
                .hasMessage("value is not valid UTF-8");
    }

    @Test
    void malformedUtf8InsideAnOtherwiseValidValue() throws Exception {
        byte[] valid = raw(ID).replace("A title", "A title XX").getBytes(StandardCharsets.UTF_8);
        int at = new String(valid, StandardCharsets.ISO_8859_1).indexOf("XX");
        valid[at] = (byte) 0xC0; // an overlong encoding of '/', which UTF-8 forbids
        valid[at + 1] = (byte) 0xAF;
        assertThatThrownBy(() -> EventReader.raw(ID, valid)).hasMessage("value is not valid UTF-8");
    }

    @Test
    void aGenuineReplacementCharacterIsValid() throws Exception {
        byte[] value = raw(ID).replace("A title", "A title \uFFFD").getBytes(StandardCharsets.UTF_8);
        assertThat(EventReader.raw(ID, value).title()).isEqualTo("A title \uFFFD");
    }

    @Test
    void trailingTextAfterTheValue() throws Exception {
        String twoValues = raw(ID) + " {}";
        assertThatThrownBy(() -> EventReader.raw(ID, twoValues.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("value is not JSON");
    }

    @Test
    void aKeyOtherThanThePaperId() throws Exception {
        byte[] value = raw("arxiv:2401.00002").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventReader.raw(ID, value))
                .hasMessage("record key 'arxiv:2401.00001' differs from the paper id 'arxiv:2401.00002'");
    }

    @Test
    void anEnrichedValueIsCheckedAgainstItsOwnSchema() throws Exception {
        assertThatThrownBy(() -> EventReader.enriched(ID, raw(ID)))
                .hasMessageStartingWith("value violates the EnrichedPaper v1 schema");
    }
}
