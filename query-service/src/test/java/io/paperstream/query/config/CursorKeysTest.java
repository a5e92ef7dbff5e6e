package io.paperstream.query.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** In prod the service refuses to start without a cursor secret, with the built-in one, or with a short one. */
class CursorKeysTest {
    @Test
    void prodRefusesTheBuiltInSecret() {
        assertThatThrownBy(() -> CursorKeys.requireUsable(List.of(QueryConfig.BUILT_IN_CURSOR_SECRET), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("built-in")
                .hasMessageContaining("PAPERSTREAM_QUERY_CURSOR_SECRET");
        assertThatCode(() -> CursorKeys.requireUsable(List.of(QueryConfig.BUILT_IN_CURSOR_SECRET), false))
                .as("dev and tests use it")
                .doesNotThrowAnyException();
    }

    @Test
    void prodRefusesNoSecretAndShortOnes() {
        assertThatThrownBy(() -> CursorKeys.requireUsable(List.of(), true)).hasMessageContaining("No cursor secret");
        assertThatThrownBy(() -> CursorKeys.requireUsable(List.of("0123456789abcdef0123", "short"), true))
                .hasMessageContaining("shorter than 16");
        assertThatCode(() -> CursorKeys.requireUsable(List.of("0123456789abcdef0123"), true))
                .doesNotThrowAnyException();
    }
}
