package io.paperstream.enrich.domain.keyphrases;

/**
 * Finds acronym definitions like "large language models (LLMs)", where the acronym's capitals are the initials of
 * the words before the parenthesis, and records the long form as the acronym word's expansion. Only scratch
 * buffers are kept, reused with their document.
 */
final class AcronymDefinitions {
    private char[] acronym = new char[16];
    private char[] wordChars = new char[32];

    /**
     * Looks at the tokens {@code afterParenthesis[0, count)} of {@code doc}, which follow an opening parenthesis,
     * and sets {@link Document#expansion} of the acronyms defined there; returns whether it set any.
     */
    boolean find(Document doc, int[] afterParenthesis, int count) {
        boolean any = false;
        for (int p = 0; p < count; p++) {
            int i = afterParenthesis[p];
            if (i < 2 || i + 1 >= doc.tokens) {
                continue;
            }
            int id = doc.tokenWord[i];
            if (id < 0 || !doc.capitalised[id] || doc.expansion[id] != 0 || doc.tokenBreak[i + 1] != ')') {
                continue;
            }
            int acronymLength = capitals(doc, i);
            // the initials of the words before the parenthesis, from the nearest back: they must end the acronym
            int matched = 0;
            for (int j = i - 2; j >= 0 && doc.tokenWord[j] >= 0 && i - 1 - j <= Document.MAX_WORDS; j--) {
                matched = prependInitials(doc, doc.tokenWord[j], acronymLength, matched);
                if (matched < 0) {
                    break; // no longer the end of the acronym, and more words will not make it so
                }
                if (matched == acronymLength) {
                    doc.expansion[id] = doc.key(j, i - 1 - j);
                    any = true;
                    break;
                }
            }
        }
        return any;
    }

    /** Writes the lower-case capitals of token {@code token} to {@link #acronym} and returns their number. */
    private int capitals(Document doc, int token) {
        int from = doc.tokenStart[token];
        int to = doc.tokenEnd[token];
        if (acronym.length < to - from) {
            acronym = new char[to - from];
        }
        int n = 0;
        for (int k = from; k < to; k++) {
            if (Character.isUpperCase(doc.text[k])) {
                acronym[n++] = Character.toLowerCase(doc.text[k]); // as the word's lower-case form has it
            }
        }
        return n;
    }

    /**
     * Whether word {@code id}'s initials (its first char and each char after a hyphen) come right before the
     * last {@code matched} chars of the acronym: returns the new number of matched chars, or -1.
     */
    private int prependInitials(Document doc, int id, int acronymLength, int matched) {
        int word = doc.cacheId[id];
        int length = doc.cache.textLength(word);
        if (wordChars.length < length) {
            wordChars = new char[Math.max(length, wordChars.length * 2)];
        }
        doc.cache.copyText(word, wordChars);
        int initials = 1;
        for (int k = 1; k < length; k++) {
            initials += wordChars[k - 1] == '-' ? 1 : 0;
        }
        int at = acronymLength - matched - initials;
        if (at < 0 || acronym[at++] != wordChars[0]) {
            return -1;
        }
        for (int k = 1; k < length; k++) {
            if (wordChars[k - 1] == '-' && acronym[at++] != wordChars[k]) {
                return -1;
            }
        }
        return matched + initials;
    }
}
