package io.paperstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperstream.ingest.domain.format.Format;
import io.paperstream.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content-Type and format parameter to input format, charset and mismatches refused. */
class FormatResolverTest {

    @ParameterizedTest(name = "[{index}] {0} format={1} -> {2}")
    @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
            application/json                      | none     | JSON
            application/json; charset=UTF-8      | none     | JSON
            application/json                      | hf-daily | HF_DAILY
            application/json                      | JSON     | JSON
            application/x-ndjson                  | none     | NDJSON
            application/jsonl                     | none     | NDJSON
            application/x-ndjson                  | arxiv-snapshot | ARXIV_SNAPSHOT
            text/plain; charset=utf-8            | digest   | DIGEST
            Application/Atom+XML                  | none     | ATOM
            """)
    void resolves(String contentType, String format, Format expected) {
        assertThat(FormatResolver.resolve(contentType, format)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} format={1} -> {2}")
    @CsvSource(nullValues = "none", delimiter = '|', textBlock = """
            application/json                      | csv      | 400
            application/json                      | atom     | 400
            application/json                      | arxiv-snapshot | 400
            text/plain                            | json     | 400
            application/json; charset=latin1     | none     | 415
            text/html                             | none     | 415
            none                                  | none     | 415
            """)
    void refuses(String contentType, String format, int status) {
        assertThatThrownBy(() -> FormatResolver.resolve(contentType, format))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(status));
    }
}
