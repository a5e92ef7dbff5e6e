package io.paperstream.enrich.domain.keyphrases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extracts a paper's keyphrases statistically (RAKE/YAKE-like, no model): candidates are 1-4 word runs between
 * stopwords and punctuation, scored by how often the phrase and its words occur (title occurrences count more,
 * generic words little), then picked best-first while skipping near-duplicates. Deterministic and thread-safe.
 */
public final class KeyphraseExtractor {
    /** Longest keyphrase, in words. */
    static final int MAX_WORDS = 4;

    private static final double TITLE_BONUS = 1.0;
    private static final double GENERIC_WEIGHT = 0.3;
    private static final double ACRONYM_WEIGHT = 1.2;
    /** Weight of a phrase cut off before a word its last word mostly precedes ("large language" of "... models"). */
    private static final double CUT_END_WEIGHT = 0.3;
    /** Weight of a phrase cut off after a word its first word mostly follows. */
    private static final double CUT_START_WEIGHT = 0.7;
    /** Only this much text is read, which also keeps word ids within the 16 bits a phrase key packs per word. */
    static final int MAX_CHARS = 20_000;

    /**
     * Returns up to {@code max} lower-case keyphrases, best first.
     *
     * @param abstractText may be null or empty, then only the title is used
     */
    public List<String> extract(String title, String abstractText, int max) {
        String t = title == null ? "" : title;
        String full = abstractText == null || abstractText.isBlank() ? t : t + "\n" + abstractText;
        if (max <= 0 || full.isBlank()) {
            return List.of();
        }
        String text = full.length() > MAX_CHARS ? full.substring(0, MAX_CHARS) : full;
        List<Token> tokens = TextScanner.scan(text, Math.min(t.length(), text.length()));
        Candidates candidates = new Candidates(text, tokens);
        List<Candidate> ranked = candidates.ranked();
        List<Candidate> chosen = new ArrayList<>();
        // First pass: phrases sharing no specific word with a chosen one, so the few keyphrases cover different
        // aspects; second pass: fill up with any phrase that is not a near-duplicate.
        pick(ranked, chosen, max, true);
        pick(ranked, chosen, max, false);
        chosen.sort(Comparator.comparingInt(ranked::indexOf));
        return chosen.stream().map(c -> surface(text, c)).toList();
    }

    private static void pick(List<Candidate> ranked, List<Candidate> chosen, int max, boolean diverse) {
        for (Candidate c : ranked) {
            if (chosen.size() == max) {
                return;
            }
            if (!chosen.contains(c) && chosen.stream().noneMatch(other -> nearDuplicate(c.parts, other.parts)
                    || diverse && sharesSpecificWord(c.parts, other.parts))) {
                chosen.add(c);
            }
        }
    }

    private static boolean sharesSpecificWord(String[] a, String[] b) {
        for (String x : a) {
            if (!Lexicon.isGeneric(x) && Arrays.asList(b).contains(x)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two phrases (as word parts: singular, hyphens split) repeat each other: one contains the other
     * ("language model" in "large language models") or they share a run of two or more words.
     */
    static boolean nearDuplicate(String[] a, String[] b) {
        String[] shorter = a.length <= b.length ? a : b;
        String[] longer = a.length <= b.length ? b : a;
        int run = Math.min(2, shorter.length);
        for (int s = 0; s + run <= shorter.length; s++) {
            for (int l = 0; l + run <= longer.length; l++) {
                if (Arrays.equals(shorter, s, s + run, longer, l, l + run)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String surface(String text, Candidate c) {
        return text.substring(c.firstStart, c.firstEnd).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** A candidate phrase with its occurrence statistics. */
    static final class Candidate {
        final int[] words;
        final int firstToken;
        final int firstStart;
        int firstEnd;
        int count;
        int titleCount;
        double score;
        String[] parts;

        Candidate(int[] words, int firstToken, int firstStart, int firstEnd) {
            this.words = words;
            this.firstToken = firstToken;
            this.firstStart = firstStart;
            this.firstEnd = firstEnd;
        }
    }

    /** Word and phrase statistics of one paper. */
    private static final class Candidates {
        private final String text;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> wordOf = new ArrayList<>();
        private int[] tf = new int[64];
        private int[] titleTf = new int[64];
        private boolean[] capitalised = new boolean[64];
        private int[] followed = new int[64];
        private int[] preceded = new int[64];
        private final Map<Long, Candidate> phrases = new HashMap<>();
        private final Map<Integer, int[]> expansions = new HashMap<>();

        Candidates(String text, List<Token> tokens) {
            this.text = text;
            int[] wordIds = new int[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                wordIds[i] = token.isBreak() ? -1 : countWord(token);
            }
            findAcronyms(tokens, wordIds);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (wordIds[i] >= 0 && wordIds[i + 1] >= 0) {
                    followed[wordIds[i]]++;
                    preceded[wordIds[i + 1]]++;
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                int id = wordIds[i];
                if (id >= 0 && expansions.containsKey(id)) {
                    countAcronym(tokens, wordIds, i);
                    continue;
                }
                for (int n = 1; n <= MAX_WORDS && i + n <= tokens.size(); n++) {
                    int last = wordIds[i + n - 1];
                    if (last < 0 || expansions.containsKey(last)) {
                        break;
                    }
                    countPhrase(tokens, wordIds, i, n);
                }
            }
        }

        List<Candidate> ranked() {
            List<Candidate> eligible = new ArrayList<>();
            for (Candidate c : phrases.values()) {
                if (eligible(c)) {
                    c.score = score(c);
                    c.parts = parts(c);
                    eligible.add(c);
                }
            }
            eligible.sort(Comparator.comparingDouble((Candidate c) -> -c.score)
                    .thenComparingInt(c -> c.firstToken)
                    .thenComparingInt(c -> c.words.length));
            return eligible;
        }

        private int countWord(Token token) {
            Integer id = ids.get(token.word());
            if (id == null) {
                id = wordOf.size();
                ids.put(token.word(), id);
                wordOf.add(token.word());
                if (id == tf.length) {
                    tf = Arrays.copyOf(tf, id * 2);
                    titleTf = Arrays.copyOf(titleTf, id * 2);
                    capitalised = Arrays.copyOf(capitalised, id * 2);
                    followed = Arrays.copyOf(followed, id * 2);
                    preceded = Arrays.copyOf(preceded, id * 2);
                }
            }
            tf[id]++;
            titleTf[id] += token.inTitle() ? 1 : 0;
            capitalised[id] |= token.capitals() >= 2;
            return id;
        }

        /**
         * Finds definitions like "large language models (LLMs)" so that later "LLMs" count for the long form
         * instead of becoming a second, duplicate keyphrase.
         */
        private void findAcronyms(List<Token> tokens, int[] wordIds) {
            for (int i = 2; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (wordIds[i] < 0 || t.capitals() < 2 || tokens.get(i - 1).brk() != '('
                        || tokens.get(i + 1).brk() != ')' || expansions.containsKey(wordIds[i])) {
                    continue;
                }
                String acronym = capitals(t).toLowerCase(Locale.ROOT);
                StringBuilder initials = new StringBuilder();
                for (int j = i - 2; j >= 0 && wordIds[j] >= 0 && i - 1 - j <= MAX_WORDS; j--) {
                    initials.insert(0, initials(wordOf.get(wordIds[j])));
                    if (initials.toString().equals(acronym)) {
                        expansions.put(wordIds[i], Arrays.copyOfRange(wordIds, j, i - 1));
                        break;
                    }
                }
            }
        }

        /** The upper-case letters of a word as written: "LLMs" gives "LLM", "LoRA" gives "LRA". */
        private String capitals(Token t) {
            StringBuilder sb = new StringBuilder();
            for (int k = t.start(); k < t.end(); k++) {
                if (Character.isUpperCase(text.charAt(k))) {
                    sb.append(text.charAt(k));
                }
            }
            return sb.toString();
        }

        private static String initials(String word) {
            StringBuilder sb = new StringBuilder();
            for (String part : word.split("-")) {
                if (!part.isEmpty()) {
                    sb.append(part.charAt(0));
                }
            }
            return sb.toString();
        }

        private void countAcronym(List<Token> tokens, int[] wordIds, int i) {
            boolean definition = i > 0 && tokens.get(i - 1).brk() == '(';
            int[] expansion = expansions.get(wordIds[i]);
            Candidate c = phrases.get(key(expansion, 0, expansion.length));
            if (c != null && !definition) {
                c.count++;
                c.titleCount += tokens.get(i).inTitle() ? 1 : 0;
            }
        }

        private void countPhrase(List<Token> tokens, int[] wordIds, int start, int n) {
            long key = key(wordIds, start, n);
            Candidate c = phrases.get(key);
            if (c == null) {
                c = new Candidate(Arrays.copyOfRange(wordIds, start, start + n), start, tokens.get(start).start(),
                        tokens.get(start + n - 1).end());
                phrases.put(key, c);
            }
            c.count++;
            c.titleCount += tokens.get(start).inTitle() ? 1 : 0;
        }

        private boolean eligible(Candidate c) {
            boolean specific = false;
            for (int w : c.words) {
                specific |= !Lexicon.isGeneric(wordOf.get(w));
            }
            // A single word must recur: one passing mention is not what the paper is about.
            return specific && (c.words.length > 1 || c.count >= 2);
        }

        private double score(Candidate c) {
            double words = 0;
            for (int w : c.words) {
                double weight = tf[w] + TITLE_BONUS * titleTf[w];
                weight *= Lexicon.isGeneric(wordOf.get(w)) ? GENERIC_WEIGHT : 1;
                weight *= capitalised[w] ? ACRONYM_WEIGHT : 1;
                words += weight;
            }
            double score = (c.count + TITLE_BONUS * c.titleCount) * words / Math.sqrt(c.words.length);
            // A phrase whose last word is mostly a modifier of the next word is a fragment of a longer phrase.
            int last = c.words[c.words.length - 1];
            if (2 * followed[last] > tf[last]) {
                score *= CUT_END_WEIGHT;
            }
            int first = c.words[0];
            if (2 * preceded[first] > tf[first]) {
                score *= CUT_START_WEIGHT;
            }
            return score;
        }

        private String[] parts(Candidate c) {
            List<String> parts = new ArrayList<>();
            for (int w : c.words) {
                for (String p : wordOf.get(w).split("-")) {
                    parts.add(TextScanner.singular(p));
                }
            }
            return parts.toArray(String[]::new);
        }

        private static long key(int[] ids, int start, int n) {
            long key = 0;
            for (int k = 0; k < n; k++) {
                key = (key << 16) | ((ids[start + k] + 1) & 0xffff);
            }
            return key;
        }
    }
}
