package io.paperstream.ingest.domain.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: invalid byte sequences are an error, never silently replaced. A leading byte-order mark is dropped. */
public final class Utf8 {
    private Utf8() {}

    public static String decode(byte[] bytes, int offset, int length, String location) {
        if (length >= 3
                && bytes[offset] == (byte) 0xEF
                && bytes[offset + 1] == (byte) 0xBB
                && bytes[offset + 2] == (byte) 0xBF) {
            offset += 3;
            length -= 3;
        }
        if (isAscii(bytes, offset, length)) { // the common case, and valid UTF-8 as it is
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableBodyException("the body is not valid UTF-8", location, e);
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The whole stream (already bounded by the caller) decoded. */
    public static String read(InputStream in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            byte[] bytes = out.toByteArray();
            return decode(bytes, 0, bytes.length, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
