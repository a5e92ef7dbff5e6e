package io.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("test-secret");

    @Test
    void roundTripsEveryKindOfCursor() {
        for (Cursor c : new Cursor[] {
            new Cursor(Sort.NEWEST, "2024-05-01", 0, "arxiv:2405.00001", "abc"),
            new Cursor(Sort.RELEVANCE, "2023-01-31", 3, "doi:10.1000/x,y\"z", "def"),
            new Cursor(Sort.OLDEST, "1999-12-31", 0, "title:0123456789abcdef", "0")
        }) {
            String text = codec.encode(c);
            assertThat(text).matches("[A-Za-z0-9_.-]+");
            assertThat(codec.decode(text)).isEqualTo(c);
        }
    }

    @Test
    void aCursorSignedWithAnotherSecretIsRefused() {
        String foreign =
                new CursorCodec("other").encode(new Cursor(Sort.NEWEST, "2024-05-01", 0, "arxiv:2405.00001", "h"));
        refused(foreign);
    }

    @Test
    void everyAlteredCharacterIsDetected() {
        String text = codec.encode(new Cursor(Sort.NEWEST, "2024-05-01", 0, "arxiv:2405.00001", "h"));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String altered = text.substring(0, i) + (c == 'A' ? 'B' : 'A') + text.substring(i + 1);
            if (!altered.equals(text)) {
                refused(altered);
            }
        }
    }

    @Test
    void aWellSignedCursorWithNonsenseValuesIsRefused() {
        // signed with the right key, but its date would not survive the cast in SQL
        String body = "newest\u001fnot-a-date\u001f0\u001farxiv:2405.00001\u001fh";
        refused(forge(body));
        refused(forge("newest\u001f2024-01-01\u001f7\u001farxiv:2405.00001\u001fh"));
        refused(forge("sideways\u001f2024-01-01\u001f0\u001farxiv:2405.00001\u001fh"));
    }

    @Test
    void aNewSecretCanBeRolledInWhileTheOldOnesCursorsStillWork() {
        Cursor position = new Cursor(Sort.NEWEST, "2024-05-01", 0, "arxiv:2405.00001", "h");
        String old = new CursorCodec("old-secret").encode(position);
        CursorCodec rolled = new CursorCodec(java.util.List.of("new-secret", "old-secret"));
        assertThat(rolled.decode(old)).isEqualTo(position);
        String fresh = rolled.encode(position);
        assertThat(fresh)
                .as("signed with the first (new) key, named by its id")
                .startsWith(CursorCodec.keyId("new-secret") + ".");
        assertThat(new CursorCodec("new-secret").decode(fresh)).isEqualTo(position);
        // once the old secret is removed its cursors are refused, with a reason the client can act on
        assertThatThrownBy(() -> new CursorCodec("new-secret").decode(old))
                .isInstanceOfSatisfying(
                        BadParameterException.class,
                        e -> assertThat(e.getMessage()).contains("rotated"));
    }

    @Test
    void cursorsOfTheFormWithoutAKeyIdAreCheckedAgainstEveryKey() {
        Cursor position = new Cursor(Sort.OLDEST, "2020-02-02", 0, "arxiv:2002.00002", "h");
        String withId = new CursorCodec("old-secret").encode(position);
        String legacy = withId.substring(withId.indexOf('.') + 1);
        assertThat(new CursorCodec(java.util.List.of("new-secret", "old-secret")).decode(legacy))
                .isEqualTo(position);
        assertThatThrownBy(() -> new CursorCodec("new-secret").decode(legacy))
                .isInstanceOf(BadParameterException.class);
    }

    @Test
    void theKeyIdRevealsNothingOfTheSecret() {
        assertThat(CursorCodec.keyId("test-secret"))
                .hasSize(8)
                .doesNotContain("test")
                .isEqualTo(CursorCodec.keyId("test-secret"))
                .isNotEqualTo(CursorCodec.keyId("test-secret2"));
        assertThatThrownBy(() -> new CursorCodec(java.util.List.of(" ", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.def", "!!!.???", "bmV3ZXN0.", "a.b.c"})
    void garbageIsRefused(String text) {
        refused(text);
    }

    private String forge(String body) {
        // the codec's own signature over an arbitrary body: what an attacker cannot do without the secret
        String good = codec.encode(new Cursor(Sort.NEWEST, "2024-05-01", 0, "x", "h"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
            assertThat(good).contains(".");
            return CursorCodec.keyId("test-secret") + "." + enc.encodeToString(bytes) + "."
                    + enc.encodeToString(mac.doFinal(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(String text) {
        assertThatThrownBy(() -> codec.decode(text))
                .isInstanceOfSatisfying(
                        BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("cursor"));
    }
}
