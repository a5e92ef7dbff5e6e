package io.paperstream.enrich.domain.links;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises arXiv identifiers, new ({@code 2401.01234v2}) and old ({@code hep-th/9901001}) style. */
final class ArxivIds {

    // Anchored, no nested quantifiers: linear time on any input.
    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v\\d+)?");
    private static final Pattern OLD_STYLE = Pattern.compile("([a-z][a-z-]*(?:\\.[A-Za-z]{2})?/\\d{7})(?:v\\d+)?");

    private ArxivIds() {}

    /** The identifier without version and without a {@code .pdf} suffix, or null when it is not one. */
    static String normalise(String candidate) {
        String s = candidate;
        if (s.endsWith(".pdf")) {
            s = s.substring(0, s.length() - 4);
        }
        Matcher m = NEW_STYLE.matcher(s);
        if (m.matches()) {
            // Numbers have had five digits since 1501 (YYMM), four before.
            int digits = m.group(1).length() - 5;
            boolean fiveDigitEra = Integer.parseInt(s, 0, 4, 10) >= 1501;
            return digits == (fiveDigitEra ? 5 : 4) ? m.group(1) : null;
        }
        m = OLD_STYLE.matcher(s);
        return m.matches() ? m.group(1) : null;
    }
}
