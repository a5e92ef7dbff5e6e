package io.paperstream.ingest.domain.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.ingest.domain.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON bodies: one paper or many, daily-papers detection, strictness. */
class BodyParsersTest {

    private static ParsedBody read(Format format, boolean explicit, byte[] body) {
        return BodyParsers.read(
                format, explicit, new ByteArrayInputStream(body), 1000, Optional.empty(), LocalDate.of(2026, 1, 1));
    }

    private static List<SourceRecord> records(ParsedBody body) {
        List<SourceRecord> out = new ArrayList<>();
        body.records().forEachRemaining(out::add);
        return out;
    }

    @Test
    void jsonObjectOrArray() {
        assertThat(records(read(Format.JSON, false, "{\"title\": \"T\"}".getBytes())))
                .singleElement()
                .satisfies(r -> assertThat(r.location()).isEqualTo("$"));
        List<SourceRecord> array = records(read(
                Format.JSON,
                false,
                "[{\"title\": \"A\", \"id\": \"arxiv:9999.99999\", \"revision\": 1}, 3]".getBytes()));
        assertThat(array).extracting(SourceRecord::location).containsExactly("$[0]", "$[1]");
        assertThat(array.get(0).input().arxivId())
                .as("ids are never taken from input")
                .isNull();
        assertThat(array.get(1).readErrors().get(0).code()).isEqualTo("not-an-object");
    }

    @Test
    void dailyPapersAreRecognisedByShapeUnlessJsonIsAskedFor() throws IOException {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/samples/hf-daily.json")) {
            body = in.readAllBytes();
        }
        ParsedBody daily = read(Format.JSON, false, body);
        assertThat(daily.format()).isEqualTo(Format.HF_DAILY);
        SourceRecord first = records(daily).get(0);
        assertThat(first.input().arxivId()).isEqualTo("2503.10622");
        assertThat(first.input().authors()).containsExactly("Jiachen Zhu", "Xinlei Chen", "Kaiming He");
        assertThat(first.input().keywords()).contains("Dynamic Tanh");
        assertThat(first.input().links()).extracting(l -> l.label()).containsExactly("github", "project-page");
        assertThat(read(Format.JSON, true, body).format()).isEqualTo(Format.JSON);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a": 1, "a": 2}   | duplicate key
            {"a": 1} {"b": 2}  | trailing value
            {"a": NaN}         | NaN
            "text"             | a string
            ''                 | empty
            {"a": [1, 2}       | malformed
            """)
    void unreadableJson(String json, String why) {
        assertThatThrownBy(() -> read(Format.JSON, false, json.getBytes(StandardCharsets.UTF_8)))
                .as(why)
                .isInstanceOf(UnreadableBodyException.class);
    }

    @Test
    void invalidUtf8IsUnreadable() {
        assertThatThrownBy(() -> read(Format.DIGEST, false, new byte[] {'T', (byte) 0xC3, '(', '\n'}))
                .isInstanceOf(UnreadableBodyException.class)
                .hasMessageContaining("UTF-8");
    }
}
