package io.paperstream.enrich.domain.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds URL candidates in free text, left to right: {@code http(s)://}, {@code www.} and well-known bare hosts.
 * A candidate is the URL's characters as read: LaTeX escapes undone, a host or path broken by a line re-joined,
 * but still with any trailing punctuation or glued second URL (the {@link UrlCleaner}'s job).
 */
final class UrlScanner {

    /** LaTeX escapes ({@code \_}, {@code \%}, ...) that stand for a literal URL character. */
    private static final String LATEX_ESCAPABLE = "_%#&$";

    /** Guards against pathological input; real URLs in abstracts are far shorter. */
    private static final int MAX_URL_LENGTH = 2048;

    private static final String[] CLOSING_ENTITIES = {"&gt;", "&lt;", "&quot;", "&#39;", "&#34;", "&apos;", "&nbsp;"};

    private static final boolean[] ASCII_URL_CHAR = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_URL_CHAR[c] = true;
            ASCII_URL_CHAR[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_URL_CHAR[c] = true;
        }
        // RFC 3986 unreserved and reserved characters, minus '~' (see read()); '{', '}', '\\', '<', '>', '"', '|',
        // '^' and '`' are never in a URL as written, so they end it - which also strips LaTeX braces.
        for (char c : "-._:/?#[]@!$&'()*+,;=%".toCharArray()) {
            ASCII_URL_CHAR[c] = true;
        }
    }

    /**
     * Returns every candidate in the text, in order. Candidates are located with {@link String#indexOf} (a scheme's
     * "://", a host's '.') rather than by testing every character, which keeps a typical abstract to a few µs.
     */
    List<String> scan(String text) {
        List<String> out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int scheme = nextSchemeStart(text, i);
            int bare = nextBareHostStart(text, i, scheme < 0 ? n : scheme);
            int start = bare >= 0 ? bare : scheme;
            if (start < 0) {
                break;
            }
            int authority = bare >= 0 ? bare : schemeEnd(text, scheme);
            int[] end = new int[1];
            String url = read(text, start, authority, end);
            if (url != null) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(url);
            }
            i = Math.max(end[0], authority);
        }
        return out == null ? List.of() : out;
    }

    /** Index of the first "http://" or "https://" at or after {@code from} (even glued to a word: "codehttps://"). */
    private static int nextSchemeStart(String text, int from) {
        int sep = text.indexOf("://", from + 4);
        while (sep >= 0) {
            if (sep - 5 >= from && text.regionMatches(true, sep - 5, "https", 0, 5)) {
                return sep - 5;
            }
            if (sep - 4 >= from && text.regionMatches(true, sep - 4, "http", 0, 4)) {
                return sep - 4;
            }
            sep = text.indexOf("://", sep + 3);
        }
        return -1;
    }

    /** Start of the first bare host ({@code github.com/...}, {@code www.x.org}) in {@code [from, limit)}, or -1. */
    private static int nextBareHostStart(String text, int from, int limit) {
        int n = text.length();
        int dot = text.indexOf('.', from);
        while (dot >= 0 && dot < limit) {
            // A host's dot is followed by a label; most dots end sentences and are skipped at once.
            if (dot + 1 >= n || !isAsciiAlnum(text.charAt(dot + 1))) {
                dot = text.indexOf('.', dot + 1);
                continue;
            }
            int t = dot;
            while (t > from && isHostChar(text.charAt(t - 1))) {
                t--;
            }
            if (isAsciiAlnum(text.charAt(t)) && isWordStart(text, t) && isBareHostAt(text, t)) {
                return t;
            }
            // The rest of this token ("e.g.", "v1.2.3") cannot start a host: continue after it, keeping this linear.
            int e = dot + 1;
            while (e < n && isHostChar(text.charAt(e))) {
                e++;
            }
            dot = text.indexOf('.', e);
        }
        return -1;
    }

    /** Reads the one URL that starts at the beginning of {@code text} (scheme optional); null when there is none. */
    String readWhole(String text) {
        int authority = schemeEnd(text, 0);
        return read(text, 0, Math.max(authority, 0), new int[1]);
    }

    /** Index just after {@code http://} or {@code https://} at {@code i}, or -1. */
    static int schemeEnd(String text, int i) {
        if (text.regionMatches(true, i, "https://", 0, 8)) {
            return i + 8;
        }
        if (text.regionMatches(true, i, "http://", 0, 7)) {
            return i + 7;
        }
        return -1;
    }

    /**
     * Reads URL characters from {@code start}; {@code authority} is where the host begins. Stores the index where
     * reading stopped in {@code end[0]}.
     */
    private static String read(String text, int start, int authority, int[] end) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(48);
        sb.append(text, start, authority);
        int hostStart = sb.length();
        boolean inHost = true;
        int i = authority;
        while (i < n && sb.length() < MAX_URL_LENGTH) {
            char c = text.charAt(i);
            int step = 1;
            if (c == '\\') {
                if (i + 1 < n && LATEX_ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0) {
                    c = text.charAt(i + 1);
                    step = 2;
                } else {
                    break;
                }
            } else if (c == '~') {
                // "~user" paths are real; elsewhere '~' is LaTeX's non-breaking space ("repo~\cite{x}").
                if (sb.length() == hostStart || sb.charAt(sb.length() - 1) != '/') {
                    break;
                }
            } else if (c == '\'' && isPossessive(text, i)) {
                break;
            } else if (c == '&' && text.startsWith("&amp;", i)) {
                step = 5; // text that went through an HTML escaper
            } else if (c == '&' && isClosingEntity(text, i)) {
                break;
            } else if (!isUrlChar(c)) {
                if (BrokenUrlJoiner.isJoinableSpace(c)) {
                    int k = BrokenUrlJoiner.resumeAt(text, i, sb, hostStart, inHost);
                    if (k > 0) {
                        i = k;
                        continue;
                    }
                }
                break;
            }
            if (inHost && (c == '/' || c == '?' || c == '#')) {
                inHost = false;
            }
            sb.append(c);
            i += step;
        }
        end[0] = i;
        return sb.length() > hostStart ? sb.toString() : null;
    }

    /** True when a bare host we know (or {@code www.}) starts at {@code i}. */
    private static boolean isBareHostAt(String text, int i) {
        int n = text.length();
        int j = i;
        boolean dot = false;
        while (j < n) {
            char c = text.charAt(j);
            if (c == '.') {
                dot = true;
            } else if (!isAsciiAlnum(c) && c != '-') {
                break;
            }
            j++;
        }
        if (!dot) {
            return false;
        }
        int hostEnd = j;
        while (text.charAt(hostEnd - 1) == '.') {
            hostEnd--;
        }
        String host = text.substring(i, hostEnd).toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            return host.indexOf('.', 4) > 0 && HostNames.isValid(host);
        }
        if (KnownHosts.isPagesHost(host)) {
            return HostNames.isValid(host);
        }
        // A bare well-known host alone ("on github.com.") names nothing; it needs a path.
        return KnownHosts.BARE.contains(host) && hostEnd == j && j + 1 < n && text.charAt(j) == '/'
                && isAsciiAlnum(text.charAt(j + 1));
    }

    /** A bare host must not continue a word, an e-mail address, a path or a number. */
    private static boolean isWordStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char p = text.charAt(i - 1);
        return !Character.isLetterOrDigit(p) && "._-@/%+=&#\\$".indexOf(p) < 0;
    }

    /** "&gt;", "&quot;" and friends stand for characters that end a URL. */
    private static boolean isClosingEntity(String text, int i) {
        for (String entity : CLOSING_ENTITIES) {
            if (text.startsWith(entity, i)) {
                return true;
            }
        }
        return false;
    }

    /** "repo's code": an apostrophe and an s ending the word is English, not URL. */
    private static boolean isPossessive(String text, int i) {
        int n = text.length();
        if (i + 1 >= n || (text.charAt(i + 1) != 's' && text.charAt(i + 1) != 'S')) {
            return false;
        }
        if (i + 2 >= n) {
            return true;
        }
        char c = text.charAt(i + 2);
        return !isAsciiAlnum(c) && c != '/' && c != '_' && c != '-';
    }

    static boolean isUrlChar(char c) {
        if (c < 128) {
            return ASCII_URL_CHAR[c];
        }
        // Letters of other scripts appear in real paths (wiki titles); CJK text usually follows a URL without a space.
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
    }

    private static boolean isHostChar(char c) {
        return isAsciiAlnum(c) || c == '-' || c == '.';
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
