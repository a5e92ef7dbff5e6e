package io.paperstream.enrich.domain.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds URL candidates in free text, left to right: {@code http(s)://}, {@code www.}, well-known bare hosts and other
 * bare hosts under a registered top-level domain (see {@link BareHosts}). A candidate is the URL's characters as read:
 * LaTeX escapes undone, a host or path broken by a line re-joined, but still with any trailing punctuation or glued
 * second URL (the {@link UrlCleaner}'s job).
 *
 * <p>Where a URL ends follows RFC 3986/3987 (the characters a URL or IRI may hold) and what linkifiers settled on for
 * prose: brackets, quotes and braces belong to the URL when they are balanced inside it, non-ASCII letters, marks,
 * dashes and joiners belong to an IRI, and a URL wrapped in quotes or a LaTeX {@code \verb} ends at the closing one.
 */
final class UrlScanner {

    /** LaTeX escapes ({@code \_}, {@code \%}, ...) that stand for a literal URL character. */
    private static final String LATEX_ESCAPABLE = "_%#&$";

    /** Guards against pathological input; real URLs in abstracts are far shorter. */
    private static final int MAX_URL_LENGTH = 2048;

    /** How far a balanced quote or brace inside a path is looked for. */
    private static final int MAX_SPAN = 256;

    private static final String[] CLOSING_ENTITIES = {"&gt;", "&lt;", "&quot;", "&#39;", "&#34;", "&apos;", "&nbsp;"};

    /** Words that start a sentence of an abstract; after a URL and a '.' without a space they are not its path. */
    private static final Set<String> SENTENCE_STARTS = Set.of(
            "Our",
            "We",
            "The",
            "This",
            "These",
            "That",
            "Those",
            "In",
            "It",
            "Its",
            "Experiments",
            "Experimental",
            "Results",
            "Extensive",
            "Furthermore",
            "Moreover",
            "Additionally",
            "Finally",
            "Both",
            "All",
            "Compared",
            "Specifically",
            "Besides",
            "Also",
            "To",
            "Further",
            "However",
            "Thus",
            "Therefore",
            "Notably",
            "Code",
            "Empirical",
            "Evaluation",
            "Comprehensive",
            "Overall",
            "For",
            "On",
            "With",
            "As",
            "By",
            "Using",
            "Such",
            "Unlike",
            "Data",
            "Datasets",
            "Models",
            "Project",
            "Demo",
            "Source",
            "Keywords",
            "Index");

    private static final char ZWNJ = '\u200C';
    private static final char ZWJ = '\u200D';

    private static final boolean[] ASCII_URL_CHAR = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_URL_CHAR[c] = true;
            ASCII_URL_CHAR[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_URL_CHAR[c] = true;
        }
        // RFC 3986 unreserved and reserved characters, minus '~' (see read()); '"', '{' and '|' are read by their own
        // rules; '}', '\\', '<', '>', '^' and '`' are never in a URL as written, so they end it.
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
            String url = read(text, start, authority, end, opening(text, start));
            if (url != null && start > 0 && text.charAt(start - 1) == '_') {
                url = withoutEmphasis(text, start, url);
            }
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

    /**
     * Index of the first "http://" or "https://" at or after {@code from} that starts a URL: glued to a word it still
     * does ("codehttps://"), but not glued to '_' (an identifier) nor after a '#', '@' or '$' that starts a word
     * (a hashtag, mention or cash tag).
     */
    private static int nextSchemeStart(String text, int from) {
        int sep = text.indexOf("://", from + 4);
        while (sep >= 0) {
            int start = -1;
            if (sep - 5 >= from && text.regionMatches(true, sep - 5, "https", 0, 5)) {
                start = sep - 5;
            } else if (sep - 4 >= from && text.regionMatches(true, sep - 4, "http", 0, 4)) {
                start = sep - 4;
            }
            if (start >= 0 && schemeMayStart(text, start)) {
                return start;
            }
            sep = text.indexOf("://", sep + 3);
        }
        return -1;
    }

    /**
     * A URL opened after Markdown emphasis ("_", "__" or "___" before it) must close it: the URL without the same run of
     * underscores at its end (before any sentence punctuation), or null when it does not ("_https://x" is an
     * identifier).
     */
    private static String withoutEmphasis(String text, int start, String url) {
        int k = 0;
        while (k < start && text.charAt(start - 1 - k) == '_') {
            k++;
        }
        int end = url.length();
        while (end > 0 && ".,;:!?)]}\"'*".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        int run = 0;
        while (run < end && url.charAt(end - 1 - run) == '_') {
            run++;
        }
        return run == k && end - k > url.indexOf("://") + 3 ? url.substring(0, end - k) : null;
    }

    private static boolean schemeMayStart(String text, int start) {
        if (start == 0) {
            return true;
        }
        char p = text.charAt(start - 1);
        if (p == '_') {
            int run = start - 1;
            while (run > 0 && text.charAt(run - 1) == '_') {
                run--;
            }
            // "_https://…_", "__https://…__", "___…___": Markdown emphasis (withoutEmphasis checks that it closes);
            // glued to a word it is an identifier ("my_https://…")
            return start - run <= 3
                    && (run == 0
                            || Character.isWhitespace(text.charAt(run - 1))
                            || "([{\"'*~>".indexOf(text.charAt(run - 1)) >= 0);
        }
        if (p == '#' || p == '@' || p == '$') {
            return start >= 2
                    && !Character.isWhitespace(text.charAt(start - 2))
                    && "([{\"'".indexOf(text.charAt(start - 2)) < 0;
        }
        return true;
    }

    /** Start of the first bare host ({@code github.com/...}, {@code www.x.org}, ...) in {@code [from, limit)}, or -1. */
    private static int nextBareHostStart(String text, int from, int limit) {
        int n = text.length();
        int dot = text.indexOf('.', from);
        while (dot >= 0 && dot < limit) {
            // A host's dot is followed by a label; most dots end sentences and are skipped at once.
            if (dot + 1 >= n || !isHostLetter(text.charAt(dot + 1)) || dot == from) {
                dot = text.indexOf('.', dot + 1);
                continue;
            }
            int t = dot;
            while (t > from
                    && isHostChar(text.charAt(t - 1))
                    && !isScriptBoundary(text.charAt(t - 1), text.charAt(t))) {
                t--;
            }
            while (t < dot && !isHostLetter(text.charAt(t))) {
                t++; // "-x.com", "_x.com": a host starts with a letter or digit
            }
            if (t < dot && mayStartBareHost(text, t) && BareHosts.isBareHostAt(text, t)) {
                return afterPrefixBeforeWww(text, t);
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

    /** True when the capitalised word at {@code i} is a common sentence start, followed by a space or punctuation. */
    private static boolean startsGluedSentence(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n && j - i <= 14 && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
            j++;
        }
        if (j < n && !Character.isWhitespace(text.charAt(j)) && ",;:".indexOf(text.charAt(j)) < 0) {
            return false;
        }
        return SENTENCE_STARTS.contains(text.substring(i, j));
    }

    /**
     * "e.g.www.example.org": an abbreviation glued to a {@code www.} host is prose; the host starts at {@code www.}.
     */
    private static int afterPrefixBeforeWww(String text, int t) {
        int n = text.length();
        int j = t;
        while (j < n && isHostChar(text.charAt(j))) {
            if (text.charAt(j) == '.'
                    && j + 5 < n
                    && text.regionMatches(true, j + 1, "www.", 0, 4)
                    && BareHosts.isBareHostAt(text, j + 1)) {
                return j + 1;
            }
            j++;
        }
        return t;
    }

    /** Reads the one URL that starts at the beginning of {@code text} (scheme optional); null when there is none. */
    String readWhole(String text) {
        int authority = schemeEnd(text, 0);
        return read(text, 0, Math.max(authority, 0), new int[1], (char) 0);
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
     * The character that closes what opened right before the URL: the delimiter of a LaTeX {@code \verb+…+}, or a
     * quote ({@code "…"}, {@code '…'}, {@code `…'}); 0 for anything else. The URL ends at it.
     */
    private static char opening(String text, int start) {
        if (start == 0) {
            return 0;
        }
        char p = text.charAt(start - 1);
        if (verbDelimiterAt(text, start - 1)) {
            return p;
        }
        if (p == '"' || p == '\'') {
            return p;
        }
        return p == '`' ? '\'' : 0;
    }

    /** True when {@code text[i]} is the opening delimiter of {@code \verb} or {@code \verb*}. */
    private static boolean verbDelimiterAt(String text, int i) {
        char d = text.charAt(i);
        if (Character.isLetterOrDigit(d) || Character.isWhitespace(d) || d == '*') {
            return false;
        }
        int v = i - 5;
        if (v >= 0 && text.startsWith("\\verb", v)) {
            return true;
        }
        return v >= 1 && text.startsWith("\\verb*", v - 1);
    }

    /**
     * Reads URL characters from {@code start}; {@code authority} is where the host begins; {@code close} (or 0) is the
     * character that closes what opened before the URL. Stores the index where reading stopped in {@code end[0]}.
     */
    private static String read(String text, int start, int authority, int[] end, char close) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(48);
        sb.append(text, start, authority);
        int hostStart = sb.length();
        boolean inHost = true;
        boolean inQuery = false;
        boolean inUrlCommand = start > 0
                && text.charAt(start - 1) == '{'
                && (text.startsWith("\\url{", start - 5) || text.startsWith("\\href{", start - 6));
        int i = authority;
        while (i < n && sb.length() < MAX_URL_LENGTH) {
            char c = text.charAt(i);
            int step = 1;
            if (c == close) {
                break;
            }
            if (inUrlCommand && BrokenUrlJoiner.isJoinableSpace(c)) {
                int k = resumeInsideBraces(text, i);
                if (k > 0) {
                    i = k; // LaTeX source wrapped inside the argument of url or href
                    continue;
                }
            }
            if (c >= 128
                    && isInvisible(c)
                    && sb.length() > hostStart
                    && i + 1 < n
                    && (inHost ? isHostChar(text.charAt(i + 1)) : isUrlChar(text.charAt(i + 1)))) {
                i++; // a soft hyphen or zero-width space inside a URL: a line-break hint of the text, not the URL's
                continue;
            }
            if (c == '\\') {
                if (i + 1 < n && LATEX_ESCAPABLE.indexOf(text.charAt(i + 1)) >= 0) {
                    c = text.charAt(i + 1);
                    step = 2;
                } else if (!inHost && (step = latexTildeLength(text, i)) > 0) {
                    c = '~'; // "/\~{}user", "/\textasciitilde{}user": a tilde the author escaped for LaTeX
                } else {
                    break;
                }
            } else if (c == '$' && !inHost && text.startsWith("$\\sim$", i)) {
                c = '~'; // "/$\sim$user": LaTeX's other way of writing a tilde
                step = 6;
            } else if (c == '{'
                    && !inHost
                    && i + 3 < n
                    && text.charAt(i + 1) == '\\'
                    && LATEX_ESCAPABLE.indexOf(text.charAt(i + 2)) >= 0
                    && text.charAt(i + 3) == '}') {
                c = text.charAt(i + 2); // "a{\_}b": an escape in braces
                step = 4;
            } else if (inHost && c == '[' && (sb.length() == hostStart || sb.charAt(sb.length() - 1) == '@')) {
                int literalEnd = ipLiteralEnd(text, i);
                if (literalEnd < 0) {
                    break;
                }
                sb.append(text, i, literalEnd + 1); // "http://[2001:db8::1]:8080/": an IPv6 address (an IP-literal)
                i = literalEnd + 1;
                continue;
            } else if (inHost) {
                if (c == '/' || c == '?' || c == '#') {
                    inHost = false;
                    inQuery = c != '/';
                } else if (!isHostChar(c) && c != ':' && c != '@' && c != '%'
                        || (sb.length() > hostStart && isScriptBoundary(sb.charAt(sb.length() - 1), c))) {
                    int k = isJoinable(text, i, sb, hostStart, true);
                    if (k > 0) {
                        i = k;
                        continue;
                    }
                    break;
                }
            } else if (c == '.'
                    && i + 1 < n
                    && text.charAt(i + 1) >= 'A'
                    && text.charAt(i + 1) <= 'Z'
                    && startsGluedSentence(text, i + 1)) {
                break; // "github.com/o/r.Our method": a sentence glued on without its space
            } else if (c == '~') {
                // "~user" paths are real, and so are tildes inside a query ("cp=47.6~-122.3") or between path
                // words ("/path~with~tildes"); elsewhere '~' is LaTeX's non-breaking space ("repo~\cite{x}",
                // "repo~and more"). "#:~:text=…" is a text fragment's directive.
                boolean directive = inQuery && sb.charAt(sb.length() - 1) == ':' && text.startsWith("~:", i);
                if (sb.charAt(sb.length() - 1) != '/' && !directive && !tildeInUrl(text, i, inQuery, sb, hostStart)) {
                    break;
                }
            } else if (c == '\'') {
                if (isPossessive(text, i)) {
                    break;
                }
            } else if (c == '"' || c == '{') {
                int spanEnd = balancedSpanEnd(text, i, c == '"' ? '"' : '}');
                if (spanEnd < 0 && c == '"' && i + 1 < n && isAsciiAlnum(text.charAt(i + 1))) {
                    spanEnd = i; // a lone '"' inside a path word ("/a"b"), as linkifiers keep it
                }
                if (spanEnd < 0) {
                    break;
                }
                sb.append(text, i, spanEnd + 1);
                i = spanEnd + 1;
                continue;
            } else if ((c == '(' || c == '[')
                    && (sb.charAt(sb.length() - 1) == ')' || sb.charAt(sb.length() - 1) == ']')
                    && closesOutside(sb, hostStart)) {
                break; // ")(", ")[" and "](": two bracketed things side by side ("(url-a)(url-b)", "[text](url)")
            } else if (c == '|') {
                // "?a=P1|0||P2|0": a pipe inside a query; elsewhere it is a table rule or a delimiter
                int k = i + 1;
                while (k < n && text.charAt(k) == '|') {
                    k++;
                }
                if (!inQuery || k >= n || !isUrlChar(text.charAt(k))) {
                    break;
                }
            } else if (c == '&' && text.startsWith("&amp;", i)) {
                step = 5; // text that went through an HTML escaper
            } else if (c == '&' && isClosingEntity(text, i)) {
                break;
            } else if (c >= 128 && isCjk(c)) {
                int runEnd = start > 0 && isCjk(text.charAt(start - 1)) ? -1 : cjkPathRunEnd(text, i, sb);
                if (runEnd < 0) {
                    break;
                }
                sb.append(text, i, runEnd);
                i = runEnd;
                continue;
            } else if (c >= 128 && isSymbolAt(text, i)) {
                int runEnd = symbolRunEnd(text, i);
                if (runEnd < 0) {
                    break; // emoji and other symbols after a URL are text
                }
                sb.append(text, i, runEnd);
                i = runEnd;
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (!Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                    break;
                }
                sb.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            } else if (!isUrlChar(c)) {
                int k = isJoinable(text, i, sb, hostStart, false);
                if (k > 0) {
                    i = k;
                    continue;
                }
                break;
            } else if (c == '?' || c == '#') {
                inQuery = true;
            }
            sb.append(c);
            i += step;
        }
        end[0] = i;
        return sb.length() > hostStart ? sb.toString() : null;
    }

    /**
     * Inside the argument of LaTeX's url or href command a URL holds no whitespace: a line break there (with its
     * indentation) wrapped the source, when the argument closes on the next line before any other space. Where reading
     * resumes, or -1.
     */
    private static int resumeInsideBraces(String text, int i) {
        int n = text.length();
        int k = i;
        int newlines = 0;
        while (k < n && BrokenUrlJoiner.isJoinableSpace(text.charAt(k))) {
            if (text.charAt(k) == '\n') {
                newlines++;
            }
            k++;
        }
        if (newlines != 1 || k >= n || text.charAt(k) == '}') {
            return -1;
        }
        int limit = Math.min(n, k + MAX_SPAN);
        for (int j = k; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '}') {
                return k;
            }
            if (Character.isWhitespace(c) || c == '{' || (c == ':' && text.startsWith("//", j + 1))) {
                return -1;
            }
        }
        return -1;
    }

    /** Length of LaTeX's escaped tilde at {@code i} ("\~{}", "\~", "\textasciitilde{}") before a path word, or 0. */
    private static int latexTildeLength(String text, int i) {
        int len;
        if (text.startsWith("\\~{}", i)) {
            len = 4;
        } else if (text.startsWith("\\textasciitilde{}", i)) {
            len = 17;
        } else if (text.startsWith("\\~", i)) {
            len = 2;
        } else {
            return 0;
        }
        return i + len < text.length() && isAsciiAlnum(text.charAt(i + len)) ? len : 0;
    }

    /**
     * The index of the ']' closing an IPv6 address that starts with '[' at {@code i} (hex digits, ':' and the dots of
     * an embedded IPv4 address, at least two colons), or -1. {@link HostNames} validates it.
     */
    private static int ipLiteralEnd(String text, int i) {
        int n = Math.min(text.length(), i + 48);
        int colons = 0;
        for (int j = i + 1; j < n; j++) {
            char c = text.charAt(j);
            if (c == ']') {
                return colons >= 2 ? j : -1;
            }
            if (c == ':') {
                colons++;
            } else if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F') && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * True when the bracket ending {@code sb} closes nothing opened inside the URL ("(url)" before "(url-b)"), false
     * when it does ("/f(x)" before "(y)", which is one path).
     */
    private static boolean closesOutside(StringBuilder sb, int hostStart) {
        char close = sb.charAt(sb.length() - 1);
        char open = close == ')' ? '(' : '[';
        int depth = 0;
        for (int k = hostStart; k < sb.length(); k++) {
            char c = sb.charAt(k);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int isJoinable(String text, int i, StringBuilder sb, int hostStart, boolean inHost) {
        if (BrokenUrlJoiner.isJoinableSpace(text.charAt(i))) {
            return BrokenUrlJoiner.resumeAt(text, i, sb, hostStart, inHost);
        }
        return -1;
    }

    /**
     * {@code "…"} or {@code {…}} inside a path ("/blah_"quoted"", "/a_{b}"): the index of the closing character
     * when it comes before any space and what is between is not another URL; -1 when the opener ends the URL.
     */
    private static int balancedSpanEnd(String text, int i, char closer) {
        int n = Math.min(text.length(), i + MAX_SPAN);
        for (int j = i + 1; j < n; j++) {
            char c = text.charAt(j);
            if (c == closer) {
                return j > i + 1 ? j : -1;
            }
            if (Character.isWhitespace(c)
                    || (c == '"' && closer != '}')
                    || c == '{'
                    || c == '}'
                    || c == '<'
                    || c == '>'
                    || (c == ':' && text.startsWith("//", j + 1))) {
                return -1; // another URL inside: "{https://…}" is LaTeX debris, not part of this one
            }
        }
        return -1;
    }

    /**
     * A run of Han, Kana or Hangul in a path: part of the URL when it starts a segment, a query value or a fragment
     * ("example.com/䨹", "wiki/東京") and ends where the URL could end; not when glued to ASCII ("/path한국") or followed
     * by more text ("/これは日本語です。"), nor when the URL itself was glued to CJK text ("詳細はwww.例え.jp/を参照"): its
     * author writes without spaces, so what follows is text too. Returns the end of the run, or -1.
     */
    private static int cjkPathRunEnd(String text, int i, StringBuilder sb) {
        char before = sb.charAt(sb.length() - 1);
        if ("/?=#&".indexOf(before) < 0 && !(before >= 128 && isCjk(before))) {
            return -1;
        }
        int n = text.length();
        int j = i;
        while (j < n && (isCjk(text.charAt(j)) || isPathMark(text.charAt(j)))) {
            j++;
        }
        if (j == n) {
            return j;
        }
        char next = text.charAt(j);
        return Character.isWhitespace(next) || (next < 128 && isUrlChar(next) && !isAsciiAlnum(next)) ? j : -1;
    }

    /**
     * A '~' not after '/' belongs to the URL when more of a query follows it, or when the word after it is followed by
     * more path ('/', '~', '.', '?', '#', '=', '&amp;') or the URL already holds a tilde; else it is LaTeX's '~'.
     */
    private static boolean tildeInUrl(String text, int i, boolean inQuery, StringBuilder sb, int hostStart) {
        int n = text.length();
        if (i + 1 >= n) {
            return false;
        }
        char next = text.charAt(i + 1);
        if (!isAsciiAlnum(next) && next != '-' && next != '_' && !(inQuery && next == '.')) {
            return false;
        }
        if (inQuery || sb.indexOf("~", hostStart) >= 0) {
            return true;
        }
        int j = i + 1;
        while (j < n && (isAsciiAlnum(text.charAt(j)) || text.charAt(j) == '-' || text.charAt(j) == '_')) {
            j++;
        }
        if (j + 1 >= n) {
            return false;
        }
        char after = text.charAt(j);
        return "/~?#=&".indexOf(after) >= 0 || (after == '.' && isAsciiAlnum(text.charAt(j + 1)));
    }

    /** A symbol (✪, ☺, an emoji) at {@code i}: text after a URL, but inside a path when more path follows it. */
    private static boolean isSymbolAt(String text, int i) {
        int cp = text.codePointAt(i);
        return Character.getType(cp) == Character.OTHER_SYMBOL;
    }

    /**
     * A run of symbols (with variation selectors and joiners) in a path: part of the URL when more of the path follows
     * it ("/unicode_(✪)_in_parens", "/a☺b"), not when a space, the end or sentence punctuation does ("/page🚀 and").
     * Returns the end of the run, or -1.
     */
    private static int symbolRunEnd(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n) {
            int cp = text.codePointAt(j);
            if (Character.getType(cp) != Character.OTHER_SYMBOL && cp != ZWJ && (cp < 0xFE00 || cp > 0xFE0F)) {
                break;
            }
            j += Character.charCount(cp);
        }
        if (j >= n) {
            return -1;
        }
        char next = text.charAt(j);
        if (next < 128) {
            return ASCII_URL_CHAR[next] && ".,;:!?'\"".indexOf(next) < 0 ? j : -1;
        }
        return Character.isLetterOrDigit(next) && !isCjk(next) ? j : -1;
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

    /**
     * "repo's code", "repo's.": an apostrophe and an s ending the word (perhaps before sentence punctuation) is English,
     * not URL; "/children's.html", "/what's-new" and "/it's_ok" are paths.
     */
    private static boolean isPossessive(String text, int i) {
        int n = text.length();
        if (i + 1 >= n || (text.charAt(i + 1) != 's' && text.charAt(i + 1) != 'S')) {
            return false;
        }
        int j = i + 2;
        while (j < n && ".,;:!?)]}\"'".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j >= n || !isUrlChar(text.charAt(j)) || text.charAt(j) == '\\' || text.charAt(j) == '~';
    }

    /** A character a URL may hold as written (ASCII per RFC 3986, plus the letters, marks and dashes of an IRI). */
    static boolean isUrlChar(char c) {
        if (c < 128) {
            return ASCII_URL_CHAR[c];
        }
        if (isCjk(c)) {
            return false; // by cjkPathRunEnd only: CJK text usually follows a URL without a space
        }
        return Character.isLetterOrDigit(c) || isPathMark(c);
    }

    /**
     * Non-letters that belong to an IRI path: combining marks, dashes (–, —), the zero-width (non-)joiner, inverted
     * marks (¡, ¿) and the middle dot.
     */
    static boolean isPathMark(char c) {
        if (c < 128) {
            return false;
        }
        if (c == ZWJ || c == ZWNJ || c == '¡' || c == '¿' || c == '·') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (type == Character.DASH_PUNCTUATION && c < 0x2E00);
    }

    /** A character a host name may hold: letters and digits of any script, marks, '-', '_' and '.'. */
    static boolean isHostChar(char c) {
        if (c < 128) {
            return isAsciiAlnum(c) || c == '-' || c == '.' || c == '_';
        }
        return Character.isLetterOrDigit(c) || isHostMark(c);
    }

    /** A letter or digit that may start a host label. */
    static boolean isHostLetter(char c) {
        return c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c);
    }

    /** Combining marks and joiners inside IDN labels, and the symbols of emoji domains ("✪df.ws"). */
    private static boolean isHostMark(char c) {
        int type = Character.getType(c);
        return c == ZWJ
                || c == ZWNJ
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.OTHER_SYMBOL;
    }

    /** Han, Hiragana, Katakana or Hangul: scripts written without spaces, so a URL glued to them ends there. */
    static boolean isCjk(char c) {
        if (c < 0x1100) {
            return false;
        }
        if (c == 'ー' || c == 'ｰ') {
            return true; // the prolonged sound mark belongs to Katakana words
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    /** Between CJK and other letters: "中国語example.com", "example.com中国語" are a word and a host side by side. */
    static boolean isScriptBoundary(char a, char b) {
        if (a < 128 && b < 128) {
            return false;
        }
        boolean ca = a >= 128 && isCjk(a);
        boolean cb = b >= 128 && isCjk(b);
        return ca != cb && (ca ? isHostLetter(b) : isHostLetter(a));
    }

    /**
     * A bare host must not continue a word, an e-mail address, a path, a number, a hashtag or a cash tag; a word of a
     * CJK script ("中国語example.com") or a LaTeX {@code \verb} delimiter may come right before it.
     */
    private static boolean mayStartBareHost(String text, int i) {
        if (i == 0) {
            return true;
        }
        char p = text.charAt(i - 1);
        if (p >= 128 && isCjk(p)) {
            return true;
        }
        if (p == '\n' || p == ' ') {
            // "www.example-\nlab.org": the line wrapped inside a host label, whose tail "lab.org" is no host
            int j = i - 1;
            while (j > 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\n') && i - j <= 3) {
                j--;
            }
            int newline = text.indexOf('\n', j);
            if (text.charAt(j) == '-' && j > 0 && isAsciiAlnum(text.charAt(j - 1)) && newline >= 0 && newline < i) {
                int w = j;
                while (w > 0 && isHostChar(text.charAt(w - 1))) {
                    w--;
                }
                if (text.lastIndexOf('.', j) >= w) {
                    return false;
                }
            }
        }
        if (p >= 128 && isInvisible(p) && i >= 2 && Character.isLetterOrDigit(text.charAt(i - 2))) {
            return false; // a soft hyphen inside "example.com" does not start the host "ple.com"
        }
        if (Character.isLetterOrDigit(p) || Character.getType(p) == Character.NON_SPACING_MARK) {
            return false;
        }
        if (verbDelimiterAt(text, i - 1)) {
            return true;
        }
        if (p == '/'
                && i >= 2
                && text.charAt(i - 2) == '/'
                && (i == 2
                        || Character.isWhitespace(text.charAt(i - 3))
                        || "([<\"'".indexOf(text.charAt(i - 3)) >= 0)) {
            return true; // "//example.com": a scheme-relative URL
        }
        return "._-@/%+=&#\\$".indexOf(p) < 0;
    }

    /**
     * Soft hyphen, zero-width space, word joiner and zero-width no-break space: invisible break hints (UTS #46 maps
     * them to nothing in a host), dropped from a URL they fall inside.
     */
    static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
