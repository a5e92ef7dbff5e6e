package io.paperstream.query.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("test-secret");

    @Test
    void roundTripsEveryKindOfCursor() {
        for (Cursor c : new Cursor[]{new Cursor(Sort.NEWEST, "2024-05-01", 0, "arxiv:2405.00001", "abc"),
                new Cursor(Sort.RELEVANCE, "2023-01-31", 3, "doi:10.1000/x,y\"z", "def"),
                new Cursor(Sort.OLDEST, "1999-12-31", 0, "title:0123456789abcdef", "0")}) {
            String text = codec.encode(c);
            assertThat(text).matches("[A-Za-z0-9_.-]+");
            assertThat(codec.decode(text)).isEqualTo(c);
        }
    }

    @Test
    void aCursorSignedWithAnotherSecretIsRefused() {
        String foreign = new CursorCodec("other").encode(new Cursor(Sort.NEWEST, "2024-05-01", 0, "arxiv:2405.00001", "h"));
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
            return enc.encodeToString(bytes) + "." + enc.encodeToString(mac.doFinal(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(String text) {
        assertThatThrownBy(() -> codec.decode(text)).isInstanceOfSatisfying(BadParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("cursor"));
    }
}
