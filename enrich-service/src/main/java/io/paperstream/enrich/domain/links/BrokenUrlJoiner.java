package io.paperstream.enrich.domain.links;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Re-joins a URL that a line wrap or a stray space broke in two ("https://github. com/x", "github.com/owner/ repo"),
 * but only where the result is clearly one URL: the rules below err on the side of leaving text apart.
 */
final class BrokenUrlJoiner {

    /**
     * Words that, after {@code github.com/owner/ }, are the sentence going on rather than the rest of the path;
     * without them "see github.com/org/ and the paper" would become the repository "org/and".
     */
    private static final Set<String> JOIN_STOPWORDS = Set.of(
            "a",
            "an",
            "and",
            "or",
            "the",
            "for",
            "to",
            "with",
            "at",
            "in",
            "on",
            "of",
            "is",
            "are",
            "was",
            "were",
            "be",
            "we",
            "our",
            "as",
            "by",
            "from",
            "which",
            "that",
            "this",
            "it",
            "its",
            "also",
            "see",
            "via",
            "under",
            "code",
            "here",
            "available",
            "respectively",
            "etc");

    private BrokenUrlJoiner() {}

    /**
     * Decides whether the whitespace at {@code i}, after the URL read {@code soFar}, breaks one URL in two (a line
     * wrap or a stray space after a dot in the host or after a slash of an incomplete repository path);
     * returns where reading resumes, or -1.
     */
    static int resumeAt(String text, int i, CharSequence soFar, int hostStart, boolean inHost) {
        int n = text.length();
        int k = i;
        int newlines = 0;
        while (k < n && isJoinableSpace(text.charAt(k))) {
            if (text.charAt(k) == '\n') {
                newlines++;
            }
            k++;
        }
        if (k >= n || k - i > 3 || newlines > 1 || soFar.length() <= hostStart) {
            return -1;
        }
        char last = soFar.charAt(soFar.length() - 1);
        if (text.charAt(k) == '/') {
            // "github.com/owner\n/repo": a path never goes on with a slash after a space in prose.
            boolean joins = last != '/'
                    && last != '.'
                    && k + 1 < n
                    && UrlScanner.isAsciiAlnum(text.charAt(k + 1))
                    && missingRepoSegments(
                                    soFar.subSequence(hostStart, soFar.length()).toString())
                            > 0;
            return joins ? k : -1;
        }
        if (!UrlScanner.isAsciiAlnum(text.charAt(k))) {
            return -1;
        }
        if (!inHost
                && last == '-'
                && newlines == 1
                && soFar.length() >= 2
                && UrlScanner.isAsciiAlnum(soFar.charAt(soFar.length() - 2))) {
            return k; // "github.com/o/long-\nname": a line wrapped after a hyphen of the path
        }
        if (inHost && newlines == 1 && last == '-') {
            return k; // "www.example-\nlab.org": no host label ends with '-', so the line wrapped inside it
        }
        if (inHost && newlines == 1 && hostStart > 0 && UrlScanner.isAsciiAlnum(last)) {
            // "https://git\nhub.com/o/r": a line wrapped inside the first label of a host after a scheme (the bare
            // "hub.com/o/r" would be a wrong link)
            String before = soFar.subSequence(hostStart, soFar.length()).toString();
            return before.indexOf('.') < 0
                            && before.indexOf(':') < 0
                            && before.indexOf('@') < 0
                            && finishesHost(text, k)
                    ? k
                    : -1;
        }
        if (inHost && last == '.') {
            return continuesHost(
                            text,
                            k,
                            soFar.subSequence(hostStart, soFar.length() - 1).toString())
                    ? k
                    : -1;
        }
        if (!inHost && last == '/') {
            return continuesRepoPath(
                            text,
                            k,
                            soFar.subSequence(hostStart, soFar.length()).toString())
                    ? k
                    : -1;
        }
        return -1;
    }

    /** "github. com/x": the text after the space must end the host with a common TLD, followed by a path or alone. */
    private static boolean continuesHost(String text, int k, String before) {
        if (before.isEmpty() || before.endsWith(".")) {
            return false;
        }
        int n = text.length();
        int j = hostCharsEnd(text, k);
        int end = withoutTrailingDots(text, k, j);
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

    /** The text at {@code k} ends a host: labels with a dot and a common TLD, then a path, a port or the word's end. */
    private static boolean finishesHost(String text, int k) {
        int n = text.length();
        int j = hostCharsEnd(text, k);
        int end = withoutTrailingDots(text, k, j);
        String tail = text.substring(k, end).toLowerCase(Locale.ROOT);
        int dot = tail.lastIndexOf('.');
        if (dot <= 0 || !KnownHosts.JOINABLE_TLDS.contains(tail.substring(dot + 1))) {
            return false;
        }
        return end < j || j >= n || !UrlScanner.isUrlChar(text.charAt(j)) || "/:?#),;".indexOf(text.charAt(j)) >= 0;
    }

    /** Where the run of ASCII host characters (letters, digits, '-', '.') starting at {@code k} ends. */
    private static int hostCharsEnd(String text, int k) {
        int j = k;
        while (j < text.length()
                && (UrlScanner.isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '-' || text.charAt(j) == '.')) {
            j++;
        }
        return j;
    }

    /** {@code end} moved back over the dots that end {@code text[k, end)} (a sentence's full stop, not the host's). */
    private static int withoutTrailingDots(String text, int k, int end) {
        while (end > k && text.charAt(end - 1) == '.') {
            end--;
        }
        return end;
    }

    /** "github.com/owner/ repo": only on repository hosts, only while owner/repo is incomplete, never an English word. */
    private static boolean continuesRepoPath(String text, int k, String hostAndPath) {
        int missing = missingRepoSegments(hostAndPath);
        if (missing <= 0) {
            return false;
        }
        int n = text.length();
        int j = k;
        while (j < n && (UrlScanner.isAsciiAlnum(text.charAt(j)) || "._-/".indexOf(text.charAt(j)) >= 0)) {
            j++;
        }
        String token = text.substring(k, j);
        int tokenSlash = token.indexOf('/');
        if (missing > 1 && tokenSlash < 0) {
            return false; // "github.com/ word" is not clearly "github.com/word"
        }
        String first = tokenSlash < 0 ? token : token.substring(0, tokenSlash);
        while (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        return !JOIN_STOPWORDS.contains(first.toLowerCase(Locale.ROOT)) && UrlScanner.schemeEnd(text, k) < 0;
    }

    /**
     * How many path segments a repository URL on this host still lacks ("github.com/owner" lacks 1);
     * 0 when complete or not a repository host, -1 when it carries a query or fragment.
     */
    private static int missingRepoSegments(String hostAndPath) {
        if (hostAndPath.indexOf('?') >= 0 || hostAndPath.indexOf('#') >= 0) {
            return -1;
        }
        int slash = hostAndPath.indexOf('/');
        String host = (slash < 0 ? hostAndPath : hostAndPath.substring(0, slash)).toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        List<String> segments = ParsedUrl.segmentsOf(slash < 0 ? "" : hostAndPath.substring(slash));
        int needed = KnownHosts.repoSegments(host, segments.isEmpty() ? null : segments.get(0));
        return Math.max(0, needed - segments.size());
    }

    static boolean isJoinableSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
