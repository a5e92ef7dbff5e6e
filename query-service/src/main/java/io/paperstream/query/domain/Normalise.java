package io.paperstream.query.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The one normal form of filterable values, applied both when storing a paper and when reading a filter. */
public final class Normalise {
    private Normalise() {}

    /** Host names: lower case, without a leading {@code www.} (so {@code WWW.GitHub.com} is {@code github.com}). */
    public static String host(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("www.") && h.length() > 4 ? h.substring(4) : h;
    }

    /** Link subjects ({@code owner/repo}, {@code org/name}): lower case, as GitHub and Hugging Face compare them. */
    public static String subject(String subject) {
        return subject.trim().toLowerCase(Locale.ROOT);
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * The words of author names as the author filter compares them: compatibility-decomposed, accents and other marks
     * removed, lower case, split at anything not a letter or digit ({@code "José Ñúñez-García"} → {@code jose, nunez,
     * garcia}). Letters without a decomposition ({@code ø}, {@code ł}) stay as they are, on both sides alike.
     */
    public static List<String> authorWords(Collection<String> names) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String name : names) {
            words.addAll(words(name));
        }
        return List.copyOf(words);
    }

    /** The words of one name or query, folded as {@link #authorWords}. */
    public static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NOT_WORD.splitAsStream(folded).filter(w -> !w.isEmpty()).toList();
    }

    /** arXiv categories ({@code cs.CL}, {@code hep-th}): as arXiv writes them, compared case-insensitively. */
    public static String category(String category) {
        return category.trim();
    }

    /** Tag names: lower case. */
    public static String tag(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT);
    }
}
