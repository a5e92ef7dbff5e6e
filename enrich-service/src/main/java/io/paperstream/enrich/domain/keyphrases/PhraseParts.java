package io.paperstream.enrich.domain.keyphrases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Phrases as word parts (hyphens split, singular), computed only for the few phrases compared for duplicates. */
final class PhraseParts {
    private final Document doc;
    private final Map<Integer, String[]> cache = new HashMap<>();

    PhraseParts(Document doc) {
        this.doc = doc;
    }

    String[] of(int phrase) {
        return cache.computeIfAbsent(phrase, p -> {
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < doc.phraseLength[p]; k++) {
                for (String part : doc.words.word(doc.tokenWord[doc.phraseFirst[p] + k]).split("-")) {
                    char[] chars = part.toCharArray();
                    parts.add(new String(chars, 0, Document.singular(chars, chars.length)));
                }
            }
            return parts.toArray(String[]::new);
        });
    }

    /** Whether the phrases share a word that is not generic ("model" may repeat, "permutation" may not). */
    boolean shareSpecificWord(String[] a, String[] b) {
        for (String x : a) {
            if (Lexicon.isGeneric(x.toCharArray(), 0, x.length())) {
                continue;
            }
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
