package io.paperstream.query.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A short piece of a paper's abstract for a result list, with the words that match the search marked: {@code text}
 * (at most {@link #MAX_CHARS} characters of the abstract, whitespace collapsed, "…" where it was cut) and
 * {@code matches}, the {@code [start, end)} offsets of the matching words in it (UTF-16 units, as Java and JavaScript
 * index strings). With a search it starts shortly before the first matching word, else at the abstract's start.
 *
 * <p>A word matches when its Snowball English stem (Porter2, the stemmer of PostgreSQL's {@code english}
 * configuration) is one of the search's lexemes, which PostgreSQL gives (the tsquery of {@code paper_search_query},
 * negated lexemes left out). The abstract is not parsed again in PostgreSQL: {@code ts_headline} took 157 µs of CPU
 * per sample abstract (3 ms for a page of 20), this 19 µs with a search and under 1 µs without.
 */
public record Snippet(String text, List<int[]> matches) {
    /** The longest snippet, in characters (before the "…" marks). */
    public static final int MAX_CHARS = 200;
    /** Context kept before the first matching word. */
    private static final int LEAD = 50;

    /** The snippet of an abstract, marking the words whose stems are among {@code lexemes}; null without an abstract. */
    public static Snippet of(String abstractText, Set<String> lexemes) {
        if (abstractText == null || abstractText.isBlank()) {
            return null;
        }
        // without a search only the start is shown: no need to read further
        String text = collapsed(abstractText, lexemes.isEmpty() ? MAX_CHARS + 1 : Integer.MAX_VALUE);
        List<int[]> spans = lexemes.isEmpty() ? List.of() : matches(text, lexemes);
        int start = 0;
        if (text.length() > MAX_CHARS && !spans.isEmpty() && spans.get(0)[0] > LEAD) {
            // a little context before the first match, from a word's start
            start = text.indexOf(' ', spans.get(0)[0] - LEAD) + 1;
            if (start <= 0 || start > spans.get(0)[0]) {
                start = spans.get(0)[0];
            }
        }
        int end = Math.min(text.length(), start + MAX_CHARS);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            if (space > start) {
                end = space;
            }
        }
        String prefix = start > 0 ? "… " : "";
        String cut = prefix + text.substring(start, end).strip() + (end < text.length() ? " …" : "");
        List<int[]> shown = new ArrayList<>();
        for (int[] s : spans) {
            if (s[0] >= start && s[1] <= end) {
                shown.add(new int[] {s[0] - start + prefix.length(), s[1] - start + prefix.length()});
            }
        }
        return new Snippet(cut, List.copyOf(shown));
    }

    /** The text with runs of whitespace as one space, without leading or trailing ones, up to {@code limit} chars. */
    static String collapsed(String text, int limit) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !out.isEmpty();
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

    /** The spans of the words (and hyphenated compounds) of {@code text} whose stems are lexemes. */
    static List<int[]> matches(String text, Set<String> lexemes) {
        Set<String> firsts = new java.util.HashSet<>();
        Set<Character> letters = new java.util.HashSet<>();
        lexemes.forEach(l -> {
            firsts.add(start(l));
            letters.add(l.charAt(0));
        });
        EnglishStemmer stemmer = new EnglishStemmer();
        Map<String, String> stems = new HashMap<>();
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            // a compound: words joined by single hyphens ("vision-language")
            int compoundStart = i;
            List<int[]> parts = new ArrayList<>();
            while (true) {
                int wordStart = i;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                parts.add(new int[] {wordStart, i});
                if (i + 1 < n && text.charAt(i) == '-' && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (parts.size() > 1
                    && letters.contains(Character.toLowerCase(text.charAt(compoundStart)))
                    && matches(text.substring(compoundStart, i), lexemes, firsts, stemmer, stems)) {
                out.add(new int[] {compoundStart, i});
                continue;
            }
            for (int[] part : parts) {
                // most words are passed over by their first letter, before any copy is made
                if (letters.contains(Character.toLowerCase(text.charAt(part[0])))
                        && matches(text.substring(part[0], part[1]), lexemes, firsts, stemmer, stems)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /**
     * The first two letters of a word or stem, a second 'y' read as 'i': a Porter2 stem starts as its word does, but
     * for "dying", "lying", "tying" (die, lie, tie). Most words need no stemming at all.
     */
    private static String start(String word) {
        if (word.length() < 2) {
            return word;
        }
        char second = word.charAt(1) == 'y' ? 'i' : word.charAt(1);
        return new String(new char[] {word.charAt(0), second});
    }

    private static boolean matches(
            String word, Set<String> lexemes, Set<String> firsts, EnglishStemmer stemmer, Map<String, String> stems) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!firsts.contains(start(lower)) && !firsts.contains(lower.substring(0, 1))) {
            return false;
        }
        String stem = stems.computeIfAbsent(lower, w -> {
            stemmer.setCurrent(w);
            stemmer.stem();
            return stemmer.getCurrent();
        });
        return lexemes.contains(stem) || lexemes.contains(lower);
    }

    /**
     * The lexemes a search looks for, from its tsquery as PostgreSQL prints it ({@code 'languag' & 'model'},
     * {@code 'a' <-> 'b'}, {@code !'survey'}): every quoted lexeme except those under a negation.
     */
    public static Set<String> lexemes(String tsquery) {
        Set<String> out = new LinkedHashSet<>();
        if (tsquery == null) {
            return out;
        }
        int depth = 0;
        int negatedDepth = -1;
        boolean negateNext = false;
        for (int i = 0; i < tsquery.length(); i++) {
            char c = tsquery.charAt(i);
            if (c == '!') {
                negateNext = true;
            } else if (c == '(') {
                depth++;
                if (negateNext && negatedDepth < 0) {
                    negatedDepth = depth;
                }
                negateNext = false;
            } else if (c == ')') {
                if (depth == negatedDepth) {
                    negatedDepth = -1;
                }
                depth--;
            } else if (c == '\'') {
                StringBuilder lexeme = new StringBuilder();
                int j = i + 1;
                while (j < tsquery.length()) {
                    char d = tsquery.charAt(j);
                    if (d == '\'' && j + 1 < tsquery.length() && tsquery.charAt(j + 1) == '\'') {
                        lexeme.append('\'');
                        j += 2;
                    } else if (d == '\'') {
                        break;
                    } else {
                        lexeme.append(d);
                        j++;
                    }
                }
                if (!negateNext && negatedDepth < 0 && !lexeme.isEmpty()) {
                    out.add(lexeme.toString());
                }
                negateNext = false;
                i = j;
            }
        }
        return out;
    }
}
