package io.paperstream.query.domain;

import java.util.Locale;

/** The one normal form of filterable values, applied both when storing a paper and when reading a filter. */
public final class Normalise {
    private Normalise() {
    }

    /** Host names: lower case, without a leading {@code www.} (so {@code WWW.GitHub.com} is {@code github.com}). */
    public static String host(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("www.") && h.length() > 4 ? h.substring(4) : h;
    }

    /** Link subjects ({@code owner/repo}, {@code org/name}): lower case, as GitHub and Hugging Face compare them. */
    public static String subject(String subject) {
        return subject.trim().toLowerCase(Locale.ROOT);
    }

    /** Tag names: lower case. */
    public static String tag(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT);
    }
}
