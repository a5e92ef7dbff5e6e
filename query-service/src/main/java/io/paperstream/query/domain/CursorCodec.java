package io.paperstream.query.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Opaque cursors: the keyset position, signed with HMAC-SHA256 so that a tampered or foreign cursor is refused
 * instead of being turned into SQL. Plain Java.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEP = '\u001f';

    private final SecretKeySpec key;

    public CursorCodec(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(Cursor cursor) {
        String body = cursor.sort().wireName() + SEP + nullToEmpty(cursor.sortDate()) + SEP
                + cursor.tier() + SEP + cursor.id() + SEP + cursor.filterHash();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** Decodes a cursor made by {@link #encode}; anything else is a {@link BadParameterException} on {@code cursor}. */
    public Cursor decode(String text) {
        try {
            int dot = text.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("no signature");
            }
            byte[] body = DECODER.decode(text.substring(0, dot));
            byte[] signature = DECODER.decode(text.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                throw new IllegalArgumentException("bad signature");
            }
            String[] parts = new String(body, StandardCharsets.UTF_8).split(String.valueOf(SEP), -1);
            if (parts.length != 5) {
                throw new IllegalArgumentException("bad shape");
            }
            int tier = Integer.parseInt(parts[2]);
            if (tier < 0 || tier > 3 || parts[1].isEmpty() || parts[3].isEmpty()) {
                throw new IllegalArgumentException("bad values");
            }
            // the date is bound as a parameter and cast by PostgreSQL; refuse here what would fail there
            java.time.LocalDate.parse(parts[1]);
            return new Cursor(Sort.parse(parts[0]), parts[1], tier, parts[3], parts[4]);
        } catch (RuntimeException e) {
            throw new BadParameterException("cursor", "not a cursor this API issued (it may have been altered or truncated)");
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
