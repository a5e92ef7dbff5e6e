package io.paperstream.enrich.domain.links;

import java.util.ArrayList;
import java.util.List;

/** Splits URLs glued together and trims the sentence punctuation a URL picked up from the text around it. */
final class UrlCleaner {

    /** Punctuation that ends sentences or LaTeX math ('$') far more often than it ends a URL. */
    private static final String TRAILING = ".,;:!?*~$&";

    /** Characters after which an embedded "https://" is part of the URL (archives, redirects), not a new one. */
    private static final String EMBEDDING = "/=?&#%:";

    /** The cleaned pieces of one raw candidate, in order; empty pieces are dropped. */
    List<String> clean(String raw) {
        List<String> out = new ArrayList<>(1);
        int from = 0;
        int sep = raw.indexOf("://");
        while (sep >= 0) {
            int start = -1;
            if (sep >= 5 && raw.regionMatches(true, sep - 5, "https", 0, 5)) {
                start = sep - 5;
            } else if (sep >= 4 && raw.regionMatches(true, sep - 4, "http", 0, 4)) {
                start = sep - 4;
            }
            if (start > from && EMBEDDING.indexOf(raw.charAt(start - 1)) < 0) {
                addTrimmed(raw.substring(from, start), out);
                from = start;
            }
            sep = raw.indexOf("://", sep + 3);
        }
        addTrimmed(from == 0 ? raw : raw.substring(from), out);
        return out;
    }

    private static void addTrimmed(String piece, List<String> out) {
        String trimmed = trimTrailing(piece);
        int sep = trimmed.indexOf("://");
        if (trimmed.length() > (sep >= 0 ? sep + 3 : 0)) {
            out.add(trimmed);
        }
    }

    /**
     * Removes trailing punctuation and an "&name;" entity; a quote only when the URL holds an odd number of them (so "/'quoted'" and a
     * trailing "''" stay); a '(' or an empty "()" (a URL never ends by opening a bracket: "[x](", "]()"); a ')' or ']'
     * only when it closes nothing opened inside the URL; and a trailing non-ASCII dash or inverted mark.
     */
    static String trimTrailing(String url) {
        int end = url.length();
        int sep = url.indexOf("://");
        int floor = sep < 0 ? 0 : sep + 3;
        while (end > floor) {
            char c = url.charAt(end - 1);
            int entity = c == ';' ? entityStart(url, floor, end) : -1;
            if (entity >= 0) {
                end = entity; // "…?q=x&hl;": a character reference written after the URL, not a parameter
            } else if (TRAILING.indexOf(c) >= 0
                    || c == '('
                    || ((c == '\'' || c == '"') && odd(url, floor, end, c))
                    || (c == ')' && unbalanced(url, end, '(', ')'))
                    || (c == ']' && unbalanced(url, end, '[', ']'))
                    || (c >= 128 && isTrailingMark(c))) {
                end--;
            } else if (c == ')' && end - 2 >= floor && url.charAt(end - 2) == '(') {
                end -= 2;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    /** Dashes and inverted marks end a URL only as punctuation ("see url— it", "url¿"); combining marks stay. */
    private static boolean isTrailingMark(char c) {
        return c == '¡' || c == '¿' || c == '·' || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    /** Start of an "&name;" entity or "&#41;", "&#x29;" character reference that ends at {@code end}, or -1. */
    private static int entityStart(String url, int floor, int end) {
        int i = end - 2;
        while (i >= floor && UrlScanner.isAsciiAlnum(url.charAt(i))) {
            i--;
        }
        if (i > floor && i < end - 2 && url.charAt(i) == '#' && url.charAt(i - 1) == '&') {
            return i - 1;
        }
        return i >= floor && i < end - 2 && url.charAt(i) == '&' ? i : -1;
    }

    private static boolean odd(String url, int from, int end, char quote) {
        int count = 0;
        for (int i = from; i < end; i++) {
            if (url.charAt(i) == quote) {
                count++;
            }
        }
        return (count & 1) == 1;
    }

    private static boolean unbalanced(String url, int end, char open, char close) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = url.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
        }
        return depth < 0;
    }
}
