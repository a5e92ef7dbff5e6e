package io.paperstream.enrich.domain.keyphrases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a paper's title and abstract into {@link Token}s: content words and the breaks between phrases. */
final class TextScanner {
    private TextScanner() {
    }

    /**
     * Scans {@code text}, whose first {@code titleEnd} chars are the title. Words keep inner hyphens
     * ("vision-language"); URLs, inline LaTeX math and LaTeX commands become breaks, as do stopwords and tokens
     * with fewer than two letters (numbers, variables).
     */
    static List<Token> scan(String text, int titleEnd) {
        List<Token> tokens = new ArrayList<>(text.length() / 5);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean inTitle = i < titleEnd;
            if (i == titleEnd) {
                tokens.add(Token.ofBreak('\n', false));
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                i = word(text, i, inTitle ? titleEnd : n, inTitle, tokens);
            } else if (c == '$') {
                int close = text.indexOf('$', i + 1);
                i = close < 0 ? n : close + 1;
                tokens.add(Token.ofBreak('$', inTitle));
            } else if (c == '\\') {
                i++;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                tokens.add(Token.ofBreak('\\', inTitle));
            } else {
                if (!Character.isWhitespace(c)) {
                    tokens.add(Token.ofBreak(c, inTitle));
                }
                i++;
            }
        }
        return tokens;
    }

    private static int word(String text, int start, int limit, boolean inTitle, List<Token> tokens) {
        int i = start;
        int letters = 0;
        int capitals = 0;
        while (i < limit) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letters += Character.isLetter(c) ? 1 : 0;
                capitals += Character.isUpperCase(c) ? 1 : 0;
                i++;
            } else if (c == '-' && i + 1 < limit && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        int end = i;
        if (i + 2 < limit && text.charAt(i) == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
            while (i < limit && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            tokens.add(Token.ofBreak('/', inTitle));
            return i;
        }
        if (i + 1 < limit && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && text.charAt(i + 1) == 's'
                && (i + 2 == limit || !Character.isLetter(text.charAt(i + 2)))) {
            i += 2; // possessive: "model's" is "model"
        }
        String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
        if (letters < 2 || Lexicon.isStopword(lower)) {
            tokens.add(Token.ofBreak('w', inTitle));
        } else {
            tokens.add(new Token(singular(lower), start, end, inTitle, capitals, ' '));
        }
        return i;
    }

    /** Strips a plural ending so "models" and "model" are one word; only the last part of a hyphenated word. */
    static String singular(String lower) {
        int len = lower.length();
        if (len > 4 && lower.endsWith("ies")) {
            return lower.substring(0, len - 3) + "y";
        }
        if (len > 4 && (lower.endsWith("sses") || lower.endsWith("ches") || lower.endsWith("shes")
                || lower.endsWith("xes") || lower.endsWith("iases"))) {
            return lower.substring(0, len - 2);
        }
        if (len > 3 && lower.charAt(len - 1) == 's' && "sui".indexOf(lower.charAt(len - 2)) < 0
                && !lower.endsWith("ias")) {
            return lower.substring(0, len - 1);
        }
        return lower;
    }
}
