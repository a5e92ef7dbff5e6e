package io.paperstream.query.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque cursors: the keyset position, signed with HMAC-SHA256 so that a tampered or foreign cursor is refused
 * instead of being turned into SQL. Several secrets can be configured so that a new one can be rolled in while the
 * cursors of the old ones still work: the first signs, every one verifies. A cursor names the key that signed it
 * ({@code <key id>.<body>.<signature>}; the key id is derived from the secret, never the secret itself); a cursor of
 * the older form without a key id ({@code <body>.<signature>}) is checked against every key. Plain Java.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEP = '\u001f';

    /** key id -> key, in the configured order (the first signs) */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    private final String signingId;

    public CursorCodec(String secret) {
        this(List.of(secret));
    }

    /** @param secrets the HMAC secrets, the signing one first; blank entries are ignored */
    public CursorCodec(List<String> secrets) {
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                keys.putIfAbsent(
                        keyId(secret.strip()),
                        new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no cursor secret");
        }
        this.signingId = keys.keySet().iterator().next();
    }

    /** The public id of a secret: 8 characters of its SHA-256 (not enough to learn anything about the secret). */
    public static String keyId(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(digest).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The ids of the configured keys, the signing one first. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    public String encode(Cursor cursor) {
        String body = cursor.sort().wireName()
                + SEP
                + nullToEmpty(cursor.sortDate())
                + SEP
                + cursor.tier()
                + SEP
                + cursor.id()
                + SEP
                + cursor.filterHash();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return signingId + "." + ENCODER.encodeToString(bytes) + "."
                + ENCODER.encodeToString(mac(keys.get(signingId), bytes));
    }

    /** Decodes a cursor made by {@link #encode}; anything else is a {@link BadParameterException} on {@code cursor}. */
    public Cursor decode(String text) {
        String[] pieces = text.split("\\.", -1);
        if (pieces.length == 3 && !keys.containsKey(pieces[0])) {
            throw new BadParameterException(
                    "cursor",
                    "was signed with a key this service no longer has (the cursor "
                            + "secret was rotated); start again from the first page");
        }
        try {
            if (pieces.length != 2 && pieces.length != 3) {
                throw new IllegalArgumentException("no signature");
            }
            byte[] body = DECODER.decode(pieces[pieces.length - 2]);
            byte[] signature = DECODER.decode(pieces[pieces.length - 1]);
            List<SecretKeySpec> candidates =
                    pieces.length == 3 ? List.of(keys.get(pieces[0])) : List.copyOf(keys.values());
            boolean valid = false;
            for (SecretKeySpec key : candidates) {
                valid |= MessageDigest.isEqual(signature, mac(key, body));
            }
            if (!valid) {
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
            throw new BadParameterException(
                    "cursor", "not a cursor this API issued (it may have been altered or truncated)");
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] body) {
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
