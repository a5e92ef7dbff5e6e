package io.paperstream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The accepted bearer tokens and the check of a presented {@code Authorization} header. Tokens are kept only as
 * SHA-256 digests and compared in constant time (same work whatever the token, whichever one matches).
 */
public final class BearerTokens {
    private final List<byte[]> digests;

    public BearerTokens(List<String> tokens) {
        this.digests = usable(tokens).stream().map(BearerTokens::sha256).toList();
    }

    /** Blank entries (e.g. a trailing comma in the env variable) are not tokens. */
    public static List<String> usable(List<String> tokens) {
        return tokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** @throws IllegalStateException when auth is on and no usable token is configured */
    public static void requireUsable(boolean enabled, List<String> tokens) {
        if (enabled && usable(tokens).isEmpty()) {
            throw new IllegalStateException("No bearer token configured: set PAPERSTREAM_INGEST_AUTH_TOKENS "
                    + "(paperstream.ingest.auth.tokens, comma-separated) or PAPERSTREAM_INGEST_AUTH_TOKENS_FILE (a file "
                    + "of tokens, e.g. a mounted Secret) or, deliberately, "
                    + "paperstream.ingest.auth.enabled=false. Refusing to start with open write endpoints.");
        }
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null when the header is absent or another scheme. */
    public static String tokenOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7
                || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    public boolean accepts(String token) {
        if (token == null) {
            return false;
        }
        byte[] presented = sha256(token);
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, presented);
        }
        return match;
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
