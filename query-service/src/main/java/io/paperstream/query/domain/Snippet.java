package io.paperstream.query.domain;

import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A short piece of a paper's abstract for a result list, with the words that match the search marked: {@code text}
 * (at most {@link #MAX_CHARS} characters of the abstract, whitespace collapsed, "…" where it was cut) and
 * {@code matches}, the {@code [start, end)} offsets of the matching words in it (UTF-16 units, as Java and JavaScript
 * index strings). With a search it starts shortly before the first matching word, else at the abstract's start.
 *
 * <p>A word matches when its Snowball English stem (Porter2, the stemmer of PostgreSQL's {@code english}
 * configuration) is one of the search's lexemes, which PostgreSQL gives (the tsquery of {@code paper_search_query},
 * negated lexemes left out). The abstract itself is never sent to PostgreSQL again: parsing it there
 * ({@code ts_headline}) costs about 0.4 ms per abstract, 8 ms for a page of 20; this costs a few microseconds.
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
        String text = abstractText.strip().replaceAll("\\s+", " ");
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
                shown.add(new int[]{s[0] - start + prefix.length(), s[1] - start + prefix.length()});
            }
        }
        return new Snippet(cut, List.copyOf(shown));
    }

    /** The spans of the words (and hyphenated compounds) of {@code text} whose stems are lexemes. */
    static List<int[]> matches(String text, Set<String> lexemes) {
        Set<Character> firsts = new java.util.HashSet<>();
        lexemes.forEach(l -> firsts.add(l.charAt(0)));
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
                parts.add(new int[]{wordStart, i});
                if (i + 1 < n && text.charAt(i) == '-' && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (parts.size() > 1 && matches(text.substring(compoundStart, i), lexemes, firsts, stemmer, stems)) {
                out.add(new int[]{compoundStart, i});
                continue;
            }
            for (int[] part : parts) {
                if (matches(text.substring(part[0], part[1]), lexemes, firsts, stemmer, stems)) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static boolean matches(String word, Set<String> lexemes, Set<Character> firsts, EnglishStemmer stemmer,
                                   Map<String, String> stems) {
        String lower = word.toLowerCase(Locale.ROOT);
        // a stem starts with its word's first letter: most words need no stemming at all
        if (!firsts.contains(lower.charAt(0))) {
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
