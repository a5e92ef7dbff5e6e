package io.paperstream.enrich.domain.links;

import io.paperstream.events.Link;
import io.paperstream.events.LinkKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, cleans, classifies and de-duplicates the links in a paper's texts (title, abstract, comment).
 * Stateless and thread-safe: one instance can serve every thread.
 */
public final class LinkExtractor {

    private final UrlScanner scanner = new UrlScanner();
    private final UrlCleaner cleaner = new UrlCleaner();
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
    private final LinkClassifier classifier = new LinkClassifier();

    public LinkExtractor() {}

    /**
     * Every distinct link in the texts, in first-seen order, with origin {@link Link#ORIGIN_TEXT}.
     * Null texts are ignored.
     */
    public List<Link> extract(String... texts) {
        if (texts == null) {
            return List.of();
        }
        Map<String, Link> found = null;
        for (String text : texts) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            for (String candidate : scanner.scan(text)) {
                for (String piece : cleaner.clean(candidate)) {
                    Link link = toLink(piece, Link.ORIGIN_TEXT);
                    if (link != null) {
                        if (found == null) {
                            found = new LinkedHashMap<>();
                        }
                        found.putIfAbsent(dedupeKey(link), link);
                    }
                }
            }
        }
        return found == null ? List.of() : List.copyOf(found.values());
    }

    /**
     * Cleans and classifies one URL given by a source (it may lack a scheme, or carry LaTeX or punctuation debris).
     * Empty when it is not a usable http(s) URL. A null origin means {@link Link#ORIGIN_SOURCE}.
     */
    public Optional<Link> classify(String url, String origin) {
        if (url == null) {
            return Optional.empty();
        }
        String s = unwrap(url.strip());
        if (s.isEmpty()) {
            return Optional.empty();
        }
        int sep = s.indexOf("://");
        if (sep < 0) {
            if (s.startsWith("//")) {
                s = "https:" + s;
            } else if (hasOtherScheme(s) || looksLikeEmail(s)) {
                return Optional.empty();
            } else {
                s = "https://" + s; // nothing given: assume the scheme every modern site serves
            }
        } else if (UrlScanner.schemeEnd(s, 0) < 0) {
            return Optional.empty(); // ftp://, file://, s3://, ...
        }
        String candidate = scanner.readWhole(s);
        if (candidate == null) {
            return Optional.empty();
        }
        List<String> pieces = cleaner.clean(candidate);
        if (pieces.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(toLink(pieces.get(0), origin == null ? Link.ORIGIN_SOURCE : origin));
    }

    /**
     * The link of one cleaned piece: {@code url} is the piece as written (scheme lower-cased, {@code https://} added
     * when it has none), {@code canonicalUrl}, kind, host and subject come from the canonical form.
     */
    private Link toLink(String piece, String origin) {
        String url = written(piece);
        ParsedUrl parsed = ParsedUrl.parse(url);
        if (parsed == null) {
            url = withoutGluedWord(url);
            parsed = url == null ? null : ParsedUrl.parse(url);
            if (parsed == null) {
                return null;
            }
        }
        Link link = classifier.classify(canonicalizer.canonicalize(parsed), origin);
        return link.withUrl(withoutNameDebris(url, link));
    }

    /**
     * On hosts whose names never hold prose punctuation ({@link Links#nameSegments}), the written URL ends where the
     * name did: "github.com/a/b,which" is written "github.com/a/b". Punctuation after the name ("/blob/main/x,y.py")
     * stays, it is part of the path the author wrote.
     */
    private static String withoutNameDebris(String url, Link link) {
        if (link.kind() == LinkKind.OTHER || link.kind() == LinkKind.PROJECT_PAGE || link.kind() == LinkKind.PAPER) {
            return url;
        }
        int names = pathSegments(link.canonicalUrl());
        int pathStart = url.indexOf('/', url.indexOf("://") + 3);
        if (pathStart < 0) {
            return url;
        }
        int segment = 0;
        for (int i = pathStart + 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/') {
                segment++;
            } else if (c == '?' || c == '#' || segment >= names) {
                return url;
            } else if (Links.isNameDebris(c)) {
                return url.substring(0, i);
            }
        }
        return url;
    }

    /** The number of path segments of a canonical URL ("https://github.com/o/r" has 2). */
    private static int pathSegments(String canonical) {
        int count = 0;
        for (int i = canonical.indexOf("://") + 3; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '?' || c == '#') {
                break;
            }
            if (c == '/' && i + 1 < canonical.length() && "/?#".indexOf(canonical.charAt(i + 1)) < 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * "http://domain.com-that-you-forgot-a-space-after": a host whose last label is a registered top-level domain
     * with a word glued on by '-' is that domain; null for anything else.
     */
    private static String withoutGluedWord(String url) {
        int hostStart = url.indexOf("://") + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        int lastDot = url.lastIndexOf('.', hostEnd - 1);
        if (lastDot < hostStart || hostEnd < url.length()) {
            return null;
        }
        int dash = url.indexOf('-', lastDot);
        if (dash < 0 || dash >= hostEnd) {
            return null;
        }
        String tld = url.substring(lastDot + 1, dash).toLowerCase(Locale.ROOT);
        return tld.length() >= 2 && BareHosts.isRegisteredTld(tld) ? url.substring(0, dash) : null;
    }

    /** The written URL with a lower-case scheme, or {@code https://} in front when the text gave none. */
    static String written(String piece) {
        int sep = piece.indexOf("://");
        if (sep < 0) {
            return "https://" + piece;
        }
        for (int i = 0; i < sep; i++) {
            if (Character.isUpperCase(piece.charAt(i))) {
                return piece.substring(0, sep).toLowerCase(Locale.ROOT) + piece.substring(sep);
            }
        }
        return piece;
    }

    /**
     * Links are compared by their canonical URL. Recognised targets (repositories, models, papers, ...) are
     * case-insensitive on their hosts, so
     * "github.com/Owner/Repo" and "github.com/owner/repo" are one link. Other pages may be case-sensitive, but
     * "http://x.org/a/" and "https://x.org/a" are still the same page.
     */
    private static String dedupeKey(Link link) {
        String url = link.canonicalUrl();
        if (link.kind() != LinkKind.OTHER && link.kind() != LinkKind.PROJECT_PAGE) {
            return url.toLowerCase(Locale.ROOT);
        }
        String key = url.substring(url.indexOf("://") + 3);
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /** Angle brackets, quotes, or a LaTeX url/href/verb command around a URL given on its own. */
    private static String unwrap(String s) {
        String t = s;
        if (t.startsWith("\\url{") || t.startsWith("\\href{")) {
            int open = t.indexOf('{');
            int close = t.indexOf('}', open);
            t = close > open ? t.substring(open + 1, close) : t.substring(open + 1);
        } else if (t.startsWith("\\verb") && t.length() > 6) {
            int open = t.charAt(5) == '*' ? 6 : 5; // \verb+…+, \verb*|…|: any delimiter
            char delimiter = t.charAt(open);
            int close = t.indexOf(delimiter, open + 1);
            t = close > open ? t.substring(open + 1, close) : t.substring(open + 1);
        }
        while (t.length() >= 2 && isWrapper(t.charAt(0), t.charAt(t.length() - 1))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean isWrapper(char first, char last) {
        return (first == '<' && last == '>')
                || (first == '"' && last == '"')
                || (first == '\'' && last == '\'')
                || (first == '(' && last == ')')
                || (first == '[' && last == ']');
    }

    private static boolean hasOtherScheme(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        // "mailto:x", "doi:10.1/x", "javascript:..." — a scheme is letters before ':' not followed by a port number.
        for (int i = 0; i < colon; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return colon + 1 >= s.length() || !Character.isDigit(s.charAt(colon + 1));
    }

    private static boolean looksLikeEmail(String s) {
        int at = s.indexOf('@');
        int slash = s.indexOf('/');
        return at >= 0 && (slash < 0 || at < slash);
    }
}
