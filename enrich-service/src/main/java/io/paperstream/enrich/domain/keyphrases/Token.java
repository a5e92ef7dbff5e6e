package io.paperstream.enrich.domain.keyphrases;

/**
 * A word of the paper's text, or a break (punctuation, stopword, number) that no keyphrase may span.
 *
 * @param word    normalised key of the word (lower-case, plural stripped), or null for a break
 * @param start   offset of the word's first char in the scanned text
 * @param end     offset after its last char
 * @param inTitle whether the word is in the title
 * @param capitals number of upper-case letters in the word as written ("LoRA" has 3)
 * @param brk     for a break, the char that caused it ('(' and ')' matter for acronym definitions)
 */
record Token(String word, int start, int end, boolean inTitle, int capitals, char brk) {
    static Token ofBreak(char cause, boolean inTitle) {
        return new Token(null, -1, -1, inTitle, 0, cause);
    }

    boolean isBreak() {
        return word == null;
    }
}
