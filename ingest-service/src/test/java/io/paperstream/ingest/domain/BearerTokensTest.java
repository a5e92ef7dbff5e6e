package io.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bearer token checks, rotation (several tokens) and the refusal to run open by accident. */
class BearerTokensTest {
    private final BearerTokens tokens = new BearerTokens(List.of("current-token", " next-token ", ""));

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(nullValues = "null", textBlock = """
            Bearer current-token,   true
            Bearer next-token,      true
            bearer   current-token ,true
            BEARER current-token,   true
            Bearer current-tokenX,  false
            Bearer current,         false
            Bearer ,                false
            Basic current-token,    false
            current-token,          false
            null,                   false
            """)
    void checksTheAuthorizationHeader(String header, boolean accepted) {
        assertThat(tokens.accepts(BearerTokens.tokenOf(header))).isEqualTo(accepted);
    }

    @Test
    void blankEntriesAreNotTokens() {
        assertThat(new BearerTokens(List.of("", " ")).accepts("")).isFalse();
        assertThat(BearerTokens.usable(List.of("a", " ", "b "))).containsExactly("a", "b");
    }

    @Test
    void refusesToRunOpenByAccident() {
        assertThatThrownBy(() -> BearerTokens.requireUsable(true, List.of(" ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAPERSTREAM_INGEST_AUTH_TOKENS");
        BearerTokens.requireUsable(false, List.of());
        BearerTokens.requireUsable(true, List.of("t"));
    }
}
