package io.paperstream.enrich.domain.tags;

import io.paperstream.enrich.domain.LongIntMap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learned linear model of arXiv categories over the {@link ArxivFeatures} of title and abstract (present or not),
 * trained on public arXiv metadata by {@code bench/tags} (see the README beside the shipped model for the data and
 * the figures). Two heads share the features: for each category, a logistic regression "the paper carries it"
 * ({@code sigmoid(bias + Σ weights)}), and one softmax "the paper's primary category is it" over the categories and
 * "none of them". Immutable and thread-safe; scratch space is per thread.
 *
 * <p>File format (UTF-8 text, tab-separated, {@code #} comments):
 * <pre>
 * version     arxiv-lr-2026.12.1
 * categories  cs.LG  cs.CV  …
 * bias        -2.1   -3.0   …        (one per category)
 * primaryBias -1.2   -2.3   …  -0.4  (one per category, then "none of them")
 * threshold   0.55   0.6    …        (probability at which the category is given)
 * floor       0.25                   (the most probable primary category is given from this probability on)
 * second      0.6                    (the second most probable primary is given too from this share of the first's)
 * evidence    8                      (optional, default 1: a paper with fewer of the model's features gets no tag)
 * w  language model  1:2.31  30:0.52 (kind, text, output:weight …; output c &lt; n: carries category c,
 *                                      n + c: primary is category c, 2n: primary is none of them)
 * </pre>
 */
public final class ArxivModel {
    private final String version;
    private final String[] categories;
    private final double[] bias;
    private final double[] primaryBias;
    private final double[] threshold;
    private final double floor;
    private final double second;
    private final int evidence;
    private final LongIntMap index;
    /**
     * One bit per key prefix (64 KB, so it stays in cache): most of a paper's words and word pairs are not features,
     * and this answers "not a feature" for nearly all of them without a probe of the 1.5 MB index.
     */
    private final long[] filter;
    private static final int FILTER_BITS = 19;
    private final String[] text;
    /** The same number for features of the same text (a word and the same title word), to list it once. */
    private final int[] textId;
    private final int[] start;
    private final int[] category;
    private final float[] weight;
    private final ThreadLocal<Scores> scratch;

    private ArxivModel(String version, String[] categories, double[] bias, double[] primaryBias, double[] threshold,
                       double floor, double second, int evidence, LongIntMap index, long[] filter, String[] text,
                       int[] start, int[] category, float[] weight) {
        this.version = version;
        this.categories = categories;
        this.bias = bias;
        this.primaryBias = primaryBias;
        this.threshold = threshold;
        this.floor = floor;
        this.second = second;
        this.evidence = evidence;
        this.index = index;
        this.filter = filter;
        this.text = text;
        Map<String, Integer> ids = new HashMap<>();
        this.textId = new int[text.length];
        for (int f = 0; f < text.length; f++) {
            textId[f] = ids.computeIfAbsent(text[f], t -> ids.size());
        }
        this.start = start;
        this.category = category;
        this.weight = weight;
        this.scratch = ThreadLocal.withInitial(() -> new Scores(this));
    }

    /** Loads a model shipped under {@code /taxonomy/models/} by name, e.g. {@code arxiv-areas}. */
    public static ArxivModel fromResource(String name) {
        String resource = "taxonomy/models/" + name + ".tsv";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = ArxivModel.class.getResourceAsStream("/" + resource);
        }
        if (in == null) {
            throw new IllegalArgumentException("tag model '" + name + "' not found (no resource /" + resource + ")");
        }
        try (InputStream stream = in) {
            return parse(stream, "classpath:/" + resource);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tag model " + resource, e);
        }
    }

    /** Loads a model file. */
    public static ArxivModel fromFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tag model " + path + ": " + e, e);
        }
    }

    static ArxivModel parse(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String version = null;
        String[] categories = null;
        double[] bias = null;
        double[] primaryBias = null;
        double[] threshold = null;
        double floor = Double.NaN;
        double second = Double.NaN;
        int evidence = 1;
        LongIntMap index = new LongIntMap(1 << 16);
        long[] filter = new long[1 << (FILTER_BITS - 6)];
        List<String> text = new ArrayList<>();
        int[] start = new int[1 << 16];
        int[] category = new int[1 << 18];
        float[] weight = new float[1 << 18];
        int weights = 0;
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String where = "tag model " + source + " line " + lineNo;
            try {
                switch (f[0]) {
                    case "version" -> version = f[1];
                    case "categories" -> categories = Arrays.copyOfRange(f, 1, f.length);
                    case "bias" -> bias = numbers(f, categories, 0, where);
                    case "primaryBias" -> primaryBias = numbers(f, categories, 1, where);
                    case "threshold" -> threshold = numbers(f, categories, 0, where);
                    case "floor" -> floor = Double.parseDouble(f[1]);
                    case "second" -> second = Double.parseDouble(f[1]);
                    case "evidence" -> evidence = Integer.parseInt(f[1]);
                    case "w", "p", "t" -> {
                        if (categories == null) {
                            throw new IllegalArgumentException(where + ": features before 'categories'");
                        }
                        int feature = text.size();
                        long key = ArxivFeatures.key(f[0].charAt(0), f[1]);
                        filter[filterSlot(key)] |= filterBit(key);
                        if (index.putIfAbsent(key, feature) != feature) {
                            throw new IllegalArgumentException(where + ": feature '" + f[1] + "' repeated");
                        }
                        text.add(f[1]);
                        if (feature + 1 >= start.length) {
                            start = Arrays.copyOf(start, start.length * 2);
                        }
                        start[feature] = weights;
                        for (int k = 2; k < f.length; k++) {
                            int colon = f[k].indexOf(':');
                            int c = Integer.parseInt(f[k].substring(0, colon));
                            if (c < 0 || c > 2 * categories.length) {
                                throw new IllegalArgumentException(where + ": no output #" + c);
                            }
                            if (weights == category.length) {
                                category = Arrays.copyOf(category, weights * 2);
                                weight = Arrays.copyOf(weight, weights * 2);
                            }
                            category[weights] = c;
                            weight[weights++] = Float.parseFloat(f[k].substring(colon + 1));
                        }
                        start[feature + 1] = weights;
                    }
                    default -> throw new IllegalArgumentException(where + ": unknown line '" + f[0] + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(where + ": malformed (" + e.getMessage() + ")", e);
            }
        }
        if (version == null || categories == null || bias == null || primaryBias == null || threshold == null
                || Double.isNaN(floor) || Double.isNaN(second)) {
            throw new IllegalArgumentException("tag model " + source
                    + ": needs version, categories, bias, primaryBias, threshold, floor and second lines");
        }
        return new ArxivModel(version, categories, bias, primaryBias, threshold, floor, second, evidence, index, filter,
                text.toArray(String[]::new),
                Arrays.copyOf(start, text.size() + 1), Arrays.copyOf(category, weights),
                Arrays.copyOf(weight, weights));
    }

    private static int filterSlot(long key) {
        return (int) (key >>> (63 - FILTER_BITS + 6)); // keys are non-negative: the top FILTER_BITS of 63
    }

    private static long filterBit(long key) {
        return 1L << (key >>> (63 - FILTER_BITS));  // the shift uses the low 6 bits of that prefix
    }

    private static double[] numbers(String[] f, String[] categories, int extra, String where) {
        if (categories == null || f.length - 1 != categories.length + extra) {
            throw new IllegalArgumentException(where + ": needs one number per category" + (extra > 0 ? " and one"
                    + " for none of them" : "") + ", after 'categories'");
        }
        double[] out = new double[categories.length + extra];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(f[i + 1]);
        }
        return out;
    }

    /** The model's version, recorded with each enrichment (a new model is a new enrichment). */
    public String version() {
        return version;
    }

    /** The index of the category (case-insensitive), or -1. */
    public int categoryIndex(String arxivCategory) {
        for (int c = 0; c < categories.length; c++) {
            if (categories[c].toLowerCase(Locale.ROOT).equals(arxivCategory.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return -1;
    }

    /** The probability from which category {@code c} is given. */
    public double threshold(int c) {
        return threshold[c];
    }

    /** The probability (primary head) from which the most probable primary category is given, below its threshold. */
    public double floor() {
        return floor;
    }

    /**
     * The share of the most probable primary's probability from which the second most probable primary is given too
     * (a close call: the paper is likely in both); above 1, never.
     */
    public double second() {
        return second;
    }

    /**
     * A paper with fewer of the model's features than this gets no learned tag: its probabilities would be the
     * training source's priors (where cs.CL is the most common primary), not evidence about the paper.
     */
    public int evidence() {
        return evidence;
    }

    /** Scores a paper; the result is this thread's scratch space, valid until the thread's next call. */
    public Scores score(String title, String abstractText) {
        Scores s = scratch.get();
        s.reset();
        ArxivFeatures.extract(title, abstractText, s);
        return s;
    }

    /** The scores of one paper: per-category sums and the paper's features, to explain them. */
    public static final class Scores implements ArxivFeatures.Sink {
        private final ArxivModel model;
        private final double[] z;
        private final int n;
        private final int[] stamp;
        private double primaryMax;
        private double primarySum;
        private int generation;
        private int[] present = new int[256];
        private int presentCount;
        /** The keys this paper has shown already (open addressing, valid for this generation): repeats skip the index. */
        /** The present features' weights, copied in order (so that explaining a tag reads them from cache). */
        private int[] localCategory = new int[2048];
        private float[] localWeight = new float[2048];
        private int[] localStart = new int[257];
        private int localCount;
        private final long[] seenKeys = new long[SEEN];
        private final int[] seenGeneration = new int[SEEN];
        private int seenCount;
        private static final int SEEN = 2048;

        private Scores(ArxivModel model) {
            this.model = model;
            this.n = model.categories.length;
            this.z = new double[2 * n + 1];
            this.stamp = new int[model.text.length];
        }

        private void reset() {
            System.arraycopy(model.bias, 0, z, 0, n);
            System.arraycopy(model.primaryBias, 0, z, n, n + 1);
            primarySum = 0;
            presentCount = 0;
            seenCount = 0;
            localCount = 0;
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                Arrays.fill(seenGeneration, 0);
                generation = 1;
            }
        }

        @Override
        public void feature(long key, char kind, char[] first, int firstLen, char[] second, int secondLen) {
            if (seenCount < SEEN / 2) { // a repeated word or pair ends here, in cache
                int i = (int) (key ^ (key >>> 29)) & (SEEN - 1);
                while (seenGeneration[i] == generation) {
                    if (seenKeys[i] == key) {
                        return;
                    }
                    i = (i + 1) & (SEEN - 1);
                }
                seenGeneration[i] = generation;
                seenKeys[i] = key;
                seenCount++;
            }
            if ((model.filter[filterSlot(key)] & filterBit(key)) == 0) {
                return; // not a feature of the model (nearly all misses end here, in cache)
            }
            int f = model.index.get(key, -1);
            if (f < 0 || stamp[f] == generation) {
                return; // unknown, or counted already: features are present or not
            }
            stamp[f] = generation;
            if (presentCount == present.length) {
                present = Arrays.copyOf(present, presentCount * 2);
            }
            present[presentCount++] = f;
            int from = model.start[f];
            int end = model.start[f + 1];
            if (localCount + (end - from) > localWeight.length) {
                localCategory = Arrays.copyOf(localCategory, localWeight.length * 2 + (end - from));
                localWeight = Arrays.copyOf(localWeight, localCategory.length);
            }
            if (presentCount + 1 >= localStart.length) {
                localStart = Arrays.copyOf(localStart, localStart.length * 2);
            }
            localStart[presentCount - 1] = localCount;
            for (int k = from; k < end; k++) {
                int o = model.category[k];
                float w = model.weight[k];
                z[o] += w;
                localCategory[localCount] = o;
                localWeight[localCount++] = w;
            }
            localStart[presentCount] = localCount;
        }

        /** How many of the model's features the paper has. */
        public int features() {
            return presentCount;
        }

        /** P(the paper carries category c). */
        public double probability(int c) {
            return 1 / (1 + Math.exp(-z[c]));
        }

        /** P(the paper's primary category is c), of the softmax over the categories and "none of them". */
        public double primaryProbability(int c) {
            if (primarySum == 0) {
                primaryMax = Double.NEGATIVE_INFINITY;
                for (int o = n; o <= 2 * n; o++) {
                    primaryMax = Math.max(primaryMax, z[o]);
                }
                for (int o = n; o <= 2 * n; o++) {
                    primarySum += Math.exp(z[o] - primaryMax);
                }
            }
            return Math.exp(z[n + c] - primaryMax) / primarySum;
        }

        /**
         * The paper's features that raised category {@code c} most (the sum of their weights for carrying it and for
         * it being the primary), strongest first (at most {@code max}; a word also in the title is listed once).
         */
        public List<String> matched(int c, int max) {
            // keep the best `max` (weight, feature) in a small sorted array: no sort of all the paper's features
            float[] bestWeight = new float[max];
            int[] bestFeature = new int[max];
            int count = 0;
            for (int i = 0; i < presentCount; i++) {
                float sum = 0;
                for (int k = localStart[i], end = localStart[i + 1]; k < end; k++) {
                    int o = localCategory[k];
                    if (o == c || o == n + c) {
                        sum += localWeight[k];
                    }
                }
                int f = present[i];
                if (sum <= 0 || (count == max && (sum < bestWeight[max - 1]
                        || (sum == bestWeight[max - 1] && f > bestFeature[max - 1])))) {
                    continue;
                }
                int t = model.textId[f];
                int same = -1;
                for (int j = 0; j < count; j++) {
                    if (model.textId[bestFeature[j]] == t) { // a word also in the title: listed once
                        same = j;
                        break;
                    }
                }
                if (same >= 0) {
                    if (sum < bestWeight[same] || (sum == bestWeight[same] && f > bestFeature[same])) {
                        continue;
                    }
                    System.arraycopy(bestWeight, same + 1, bestWeight, same, count - same - 1);
                    System.arraycopy(bestFeature, same + 1, bestFeature, same, count - same - 1);
                    count--;
                }
                int at = Math.min(count, max - 1);
                while (at > 0 && (bestWeight[at - 1] < sum
                        || (bestWeight[at - 1] == sum && bestFeature[at - 1] > f))) {
                    at--;
                }
                int moved = Math.min(count, max - 1) - at;
                System.arraycopy(bestWeight, at, bestWeight, at + 1, moved);
                System.arraycopy(bestFeature, at, bestFeature, at + 1, moved);
                bestWeight[at] = sum;
                bestFeature[at] = f;
                count = Math.min(count + 1, max);
            }
            String[] out = new String[count];
            for (int j = 0; j < count; j++) {
                out[j] = model.text[bestFeature[j]];
            }
            return List.of(out);
        }
    }

    /** Per-category counts of the model, for the README and tests. */
    Map<String, Integer> weightsPerCategory() {
        Map<String, Integer> out = new HashMap<>();
        for (int c : category) {
            out.merge(c < categories.length ? categories[c] : "primary:" + c, 1, Integer::sum);
        }
        return out;
    }
}
