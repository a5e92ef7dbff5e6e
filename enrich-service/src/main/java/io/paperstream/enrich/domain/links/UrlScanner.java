package io.paperstream.enrich.domain.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds URL candidates in free text in one left-to-right pass: {@code http(s)://}, {@code www.} and well-known bare hosts. */
final class UrlScanner {

    /** The characters of one candidate as read: LaTeX escapes undone, a host or path broken by a line re-joined. */
    record Candidate(String text, boolean hasScheme) {
    }

    /** LaTeX escapes ({@code \_}, {@code \%}, ...) that stand for a literal URL character. */
    private static final String LATEX_ESCAPABLE = "_%#&$";

    /** Guards against pathological input; real URLs in abstracts are far shorter. */
    private static final int MAX_URL_LENGTH = 2048;

    /**
     * Words that, after {@code github.com/owner/ }, are the sentence going on rather than the rest of the path;
     * without them "see github.com/org/ and the paper" would become the repository "org/and".
     */
    private static final Set<String> JOIN_STOPWORDS = Set.of(
            "a", "an", "and", "or", "the", "for", "to", "with", "at", "in", "on", "of", "is", "are", "was", "were",
            "be", "we", "our", "as", "by", "from", "which", "that", "this", "it", "its", "also", "see", "via", "under",
            "code", "here", "available", "respectively", "etc");

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

    /** Returns every candidate in the text, in order. */
    List<Candidate> scan(String text) {
        List<Candidate> out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int authority = -1;
            if (c == 'h' || c == 'H') {
                // A scheme starts a URL even when glued to the word before it ("codehttps://...").
                authority = schemeEnd(text, i);
            }
            if (authority < 0 && isAsciiAlnum(c) && isWordStart(text, i) && isBareHostAt(text, i)) {
                authority = i;
            }
            if (authority < 0) {
                i++;
                continue;
            }
            int[] end = new int[1];
            String url = read(text, i, authority, end);
            if (url != null) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(new Candidate(url, authority > i));
            }
            i = Math.max(end[0], authority);
        }
        return out == null ? List.of() : out;
    }

    /** Reads one URL that starts at the beginning of {@code text} (scheme optional); null when there is none. */
    Candidate readWhole(String text) {
        int authority = schemeEnd(text, 0);
        boolean hasScheme = authority > 0;
        String url = read(text, 0, hasScheme ? authority : 0, new int[1]);
        return url == null ? null : new Candidate(url, hasScheme);
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
            } else if (!isUrlChar(c)) {
                if (isJoinableSpace(c)) {
                    int k = joinAt(text, i, sb, hostStart, inHost);
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

    /**
     * Decides whether the whitespace at {@code i} breaks one URL in two (a line wrap or a stray space after a dot
     * in the host or after a slash of an incomplete repository path); returns where reading resumes, or -1.
     */
    private static int joinAt(String text, int i, StringBuilder sb, int hostStart, boolean inHost) {
        int n = text.length();
        int k = i;
        int newlines = 0;
        while (k < n && isJoinableSpace(text.charAt(k))) {
            if (text.charAt(k) == '\n') {
                newlines++;
            }
            k++;
        }
        if (k >= n || k - i > 3 || newlines > 1 || sb.length() <= hostStart || !isAsciiAlnum(text.charAt(k))) {
            return -1;
        }
        char last = sb.charAt(sb.length() - 1);
        if (inHost && last == '.') {
            return continuesHost(text, k, sb.substring(hostStart, sb.length() - 1)) ? k : -1;
        }
        if (!inHost && last == '/') {
            return continuesRepoPath(text, k, sb.substring(hostStart)) ? k : -1;
        }
        return -1;
    }

    /** "github. com/x": the text after the space must end the host with a common TLD, followed by a path or alone. */
    private static boolean continuesHost(String text, int k, String before) {
        if (before.isEmpty() || before.endsWith(".")) {
            return false;
        }
        int n = text.length();
        int j = k;
        while (j < n && (isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '-' || text.charAt(j) == '.')) {
            j++;
        }
        int end = j;
        while (end > k && text.charAt(end - 1) == '.') {
            end--;
        }
        String tail = text.substring(k, end).toLowerCase(Locale.ROOT);
        String tld = tail.substring(tail.lastIndexOf('.') + 1);
        if (!KnownHosts.JOINABLE_TLDS.contains(tld)) {
            return false;
        }
        boolean pathFollows = end == j && j < n && (text.charAt(j) == '/' || text.charAt(j) == ':');
        // Without a path, only a one-label start ("github.") missing its TLD is clearly unfinished;
        // "example.com. It" is a sentence end followed by a capitalised word.
        return pathFollows || (before.indexOf('.') < 0 && !Character.isUpperCase(text.charAt(k)));
    }

    /** "github.com/owner/ repo": only on repository hosts, only while owner/repo is incomplete, never an English word. */
    private static boolean continuesRepoPath(String text, int k, String hostAndPath) {
        int slash = hostAndPath.indexOf('/');
        if (slash < 0 || hostAndPath.indexOf('?') >= 0 || hostAndPath.indexOf('#') >= 0) {
            return false;
        }
        String host = hostAndPath.substring(0, slash).toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        List<String> segments = ParsedUrl.segmentsOf(hostAndPath.substring(slash));
        int needed = KnownHosts.repoSegments(host, segments.isEmpty() ? null : segments.get(0));
        if (needed == 0 || segments.size() >= needed) {
            return false;
        }
        int n = text.length();
        int j = k;
        while (j < n && (isAsciiAlnum(text.charAt(j)) || "._-/".indexOf(text.charAt(j)) >= 0)) {
            j++;
        }
        String token = text.substring(k, j);
        int tokenSlash = token.indexOf('/');
        if (segments.isEmpty() && tokenSlash < 0) {
            return false; // "github.com/ word" is not clearly "github.com/word"
        }
        String first = tokenSlash < 0 ? token : token.substring(0, tokenSlash);
        while (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        return !JOIN_STOPWORDS.contains(first.toLowerCase(Locale.ROOT)) && schemeEnd(text, k) < 0;
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

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isJoinableSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
