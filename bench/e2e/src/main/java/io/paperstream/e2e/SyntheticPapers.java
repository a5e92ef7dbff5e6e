package io.paperstream.e2e;

import java.util.Random;

/**
 * Deterministic synthetic papers of realistic size (~100-character titles, ~1,300-character abstracts, a link now
 * and then) as RawPaper-style JSON lines, for the benchmarks.
 */
final class SyntheticPapers {
    private static final String[] WORDS = ("model learning neural network training data language vision transformer "
                    + "diffusion graph reinforcement policy benchmark dataset efficient scalable robust attention token "
                    + "retrieval generation alignment reasoning multimodal image video speech audio segmentation detection "
                    + "representation contrastive pretraining finetuning quantization pruning distillation inference latent "
                    + "optimization gradient convergence theory agent planning robot control sparse dense embedding")
            .split(" ");

    private final Random random;

    SyntheticPapers(long seed) {
        this.random = new Random(seed);
    }

    String json(int index) {
        String title = sentence(14, 100) + " " + index;
        StringBuilder abstractText = new StringBuilder();
        while (abstractText.length() < 1300) {
            abstractText.append(capitalised(sentence(18, 160))).append(". ");
        }
        if (index % 5 == 0) {
            abstractText
                    .append("Code: https://github.com/lab")
                    .append(index % 97)
                    .append("/project")
                    .append(index)
                    .append('.');
        }
        return "{\"title\":\"" + capitalised(title) + "\",\"abstract\":\""
                + abstractText.toString().strip()
                + "\",\"authors\":[\"A. Author\",\"B. Author\"],\"publishedOn\":\"2026-03-14\"}";
    }

    private String sentence(int words, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words && sb.length() < maxLength; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
