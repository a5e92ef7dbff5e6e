package io.paperstream.ingest.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Text hygiene for every string field: what is refused (control characters, bidirectional overrides, lone surrogates,
 * noncharacters) and the normal form of what is kept (Unicode NFC, every whitespace run one space, trimmed).
 */
public final class Text {
    private Text() {}

    /** Why the text cannot be accepted, or empty when it can. Tab, CR and LF are whitespace, not refused. */
    public static Optional<Violation> problem(String field, String text) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (isNonCharacter(cp)) {
                    return Optional.of(invalid(field, cp, i));
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of(Violation.of(
                        field, "invalid-unicode", field + " contains an unpaired surrogate at character " + i));
            }
            if (c != '\t'
                    && c != '\n'
                    && c != '\r'
                    && (Character.getType(c) == Character.CONTROL || isBidiControl(c))) {
                return Optional.of(Violation.of(
                        field,
                        "control-character",
                        String.format("%s contains the control character U+%04X at character %d", field, (int) c, i)));
            }
            if (isNonCharacter(c)) {
                return Optional.of(invalid(field, c, i));
            }
            i++;
        }
        return Optional.empty();
    }

    /** NFC, whitespace runs (including no-break spaces) collapsed to one space, trimmed. */
    public static String normalise(String text) {
        if (isAlreadyNormal(text)) {
            return text;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The common case, checked in one cheap pass: only characters below U+0300 (nothing there composes under NFC, since
     * combining marks start at U+0300) and single ASCII spaces between words.
     */
    private static boolean isAlreadyNormal(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
            return n == 0;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' || (c <= ' ' && (c != ' ' || previous == ' ')) || c == '\u0085' || c == '\u00A0') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * The common case, checked in one pass instead of {@link #problem}, {@link #normalise} and {@link #length} each
     * making their own: text of printable characters below U+0300 (no control character, surrogate or noncharacter
     * there, and nothing that composes under NFC), with single ASCII spaces between words. Answers its length, which
     * is then also its length in code points, or -1 when the full checks must decide.
     */
    public static int plainLength(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
            return -1;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > '~' ? (c < '\u00A1' || c >= '\u0300') : (c < ' ' || (c == ' ' && previous == ' '))) {
                return -1;
            }
            previous = c;
        }
        return n;
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static Violation invalid(String field, int cp, int at) {
        return Violation.of(
                field,
                "invalid-unicode",
                String.format("%s contains the noncharacter U+%04X at character %d", field, cp, at));
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
