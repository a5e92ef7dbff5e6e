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
 * version     arxiv-lr-2026.12.2
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
    /**
     * The features by key, open addressing in one array: a slot holds the key's top 44 bits and, in its low 20 bits,
     * 1 + the offset of the feature's entry in {@link #packed} (0: empty), so a probe reads one long. Keys are 63-bit hashes of the feature's text:
     * two features of the model differing only in their low 20 bits are refused at load time, and a paper's
     * non-feature word matching a feature's top 44 bits is about as likely as a hash collision of the full key.
     */
    private final long[] table;

    private final int tableShift;
    /**
     * One bit per key prefix (about 8 bits per feature, a few KB, so it stays in the first-level cache): most of a
     * paper's words and word pairs are not features, and this answers "not a feature" for nearly all of them.
     */
    private final long[] filter;

    private final int filterShift;
    private final String[] text;
    /** The same number for features of the same text (a word and the same title word), to list it once. */
    private final int[] textId;
    /**
     * Per feature an entry: a header {@code count << 20 | feature number}, then its {@code count} weights, each
     * {@code output << 24 | round(weight × SCALE)} (a 24-bit two's-complement fixed-point number). A feature found in
     * the table is one read of adjacent ints, and a paper's sums are exact integer sums. The model file writes weights
     * with three decimals, so thousandths lose nothing.
     */
    private final int[] packed;

    static final int SCALE = 1000;
    private static final int ID_BITS = 20;
    private final ThreadLocal<Scores> scratch;

    private ArxivModel(
            String version,
            String[] categories,
            double[] bias,
            double[] primaryBias,
            double[] threshold,
            double floor,
            double second,
            int evidence,
            long[] keys,
            String[] text,
            int[] start,
            int[] category,
            float[] weight) {
        this.version = version;
        this.categories = categories;
        this.bias = bias;
        this.primaryBias = primaryBias;
        this.threshold = threshold;
        this.floor = floor;
        this.second = second;
        this.evidence = evidence;
        this.text = text;
        this.packed = new int[keys.length + weight.length];
        int[] entry = new int[keys.length];
        for (int f = 0, at = 0; f < keys.length; f++) {
            entry[f] = at;
            packed[at++] = (start[f + 1] - start[f]) << ID_BITS | f;
            for (int k = start[f]; k < start[f + 1]; k++) {
                long fixed = Math.round(weight[k] * (double) SCALE);
                if (Math.abs(fixed) >= 1 << 23) {
                    throw new IllegalArgumentException("tag model: weight " + weight[k] + " out of range (|w| < 8388)");
                }
                packed[at++] = category[k] << 24 | (int) (fixed & 0xFFFFFF);
            }
        }
        if (packed.length >= (1 << ID_BITS) - 1) {
            throw new IllegalArgumentException("tag model: too large (" + keys.length + " features and " + weight.length
                    + " weights make more than " + ((1 << ID_BITS) - 2) + " entries)");
        }
        int bits = Math.max(6, 32 - Integer.numberOfLeadingZeros(Math.max(1, keys.length) * 2 - 1)); // load < 1/2
        this.table = new long[1 << bits];
        this.tableShift = 63 - bits;
        int filterBits = Math.max(9, bits + 2); // about 8 bits per feature
        this.filter = new long[1 << (filterBits - 6)];
        this.filterShift = 63 - filterBits;
        for (int f = 0; f < keys.length; f++) {
            long key = keys[f];
            filter[(int) (key >>> filterShift) >>> 6] |= filterBits(key);
            int i = (int) (key >>> tableShift);
            long tag = key & ~((1L << ID_BITS) - 1);
            while (table[i] != 0) {
                if ((table[i] & ~((1L << ID_BITS) - 1)) == tag) {
                    int other = packed[(int) (table[i] & ((1L << ID_BITS) - 1)) - 1] & ((1 << ID_BITS) - 1);
                    throw new IllegalArgumentException(
                            "tag model: features '" + text[f] + "' and '" + text[other] + "' have the same key");
                }
                i = (i + 1) & (table.length - 1);
            }
            table[i] = tag | (entry[f] + 1);
        }
        Map<String, Integer> ids = new HashMap<>();
        this.textId = new int[text.length];
        for (int f = 0; f < text.length; f++) {
            textId[f] = ids.computeIfAbsent(text[f], t -> ids.size());
        }
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
        long[] keys = new long[1 << 16];
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
                        if (index.putIfAbsent(key, feature) != feature) {
                            throw new IllegalArgumentException(where + ": feature '" + f[1] + "' repeated");
                        }
                        if (feature == keys.length) {
                            keys = Arrays.copyOf(keys, feature * 2);
                        }
                        keys[feature] = key;
                        text.add(f[1]);
                        if (feature + 1 >= start.length) {
                            start = Arrays.copyOf(start, start.length * 2);
                        }
                        start[feature] = weights;
                        for (int k = 2; k < f.length; k++) {
                            int colon = f[k].indexOf(':');
                            int c = Integer.parseInt(f[k].substring(0, colon));
                            if (c < 0 || c > 2 * categories.length || c > 127) {
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
        if (version == null
                || categories == null
                || bias == null
                || primaryBias == null
                || threshold == null
                || Double.isNaN(floor)
                || Double.isNaN(second)) {
            throw new IllegalArgumentException("tag model " + source
                    + ": needs version, categories, bias, primaryBias, threshold, floor and second lines");
        }
        return new ArxivModel(
                version,
                categories,
                bias,
                primaryBias,
                threshold,
                floor,
                second,
                evidence,
                Arrays.copyOf(keys, text.size()),
                text.toArray(String[]::new),
                Arrays.copyOf(start, text.size() + 1),
                Arrays.copyOf(category, weights),
                Arrays.copyOf(weight, weights));
    }

    /**
     * The key's two bits in its filter word: one chosen by the low 6 bits of its filter prefix, one by bits 20-25 of
     * the key (a blocked Bloom filter: one word read, about 1 % false positives instead of 8 % with one bit).
     */
    private long filterBits(long key) {
        return 1L << (key >>> filterShift) | 1L << (key >>> 20); // a long shift uses the low 6 bits of its distance
    }

    /** The offset of {@code key}'s entry in {@link #packed}, or -1: a filter test, then (rarely) a table probe. */
    int entry(long key) {
        long bits = filterBits(key);
        if ((filter[(int) (key >>> filterShift) >>> 6] & bits) != bits) {
            return -1; // not a feature of the model (nearly all misses end here, in cache)
        }
        long tag = key & ~((1L << ID_BITS) - 1);
        for (int i = (int) (key >>> tableShift); ; i = (i + 1) & (table.length - 1)) {
            long slot = table[i];
            if (slot == 0) {
                return -1;
            }
            if ((slot & ~((1L << ID_BITS) - 1)) == tag) {
                return (int) (slot & ((1L << ID_BITS) - 1)) - 1;
            }
        }
    }

    private static double[] numbers(String[] f, String[] categories, int extra, String where) {
        if (categories == null || f.length - 1 != categories.length + extra) {
            throw new IllegalArgumentException(where + ": needs one number per category"
                    + (extra > 0 ? " and one" + " for none of them" : "") + ", after 'categories'");
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
        s.scanner.extract(title, abstractText, s);
        s.finish();
        return s;
    }

    /**
     * As {@link #score(String, String)} for a paper already tokenised (by a tagger of this model): the same features in
     * the same order, their word and title-word entries known per token form.
     */
    Scores score(PaperTokens paper) {
        Scores s = scratch.get();
        s.reset();
        // first the entries of the paper's feature occurrences, in order, then their weights: the entries' reads of
        // the packed weights (which miss the cache) are then independent of each other, so they overlap
        s.pending = 0;
        pending(paper, 0, paper.titleTokens, true, s);
        pending(paper, paper.titleTokens, paper.tokens, false, s);
        int[] pending = s.pendingEntries;
        for (int i = 0, count = s.pending; i < count; i++) {
            s.present(pending[i]);
        }
        s.finish();
        return s;
    }

    /** Lists the model entries of the features of {@code paper}'s tokens {@code [from, to)} (one field). */
    private void pending(PaperTokens paper, int from, int to, boolean title, Scores s) {
        int[] form = paper.form;
        if (s.pendingEntries.length < 3 * (to - from) + s.pending) {
            s.pendingEntries = Arrays.copyOf(s.pendingEntries, Math.max(3 * (to - from) + s.pending, s.pending * 2));
        }
        int[] pending = s.pendingEntries;
        int n = s.pending;
        boolean previous = false; // pairs do not cross from the title into the abstract
        long previousHash = 0;
        for (int t = from; t < to; t++) {
            int f = form[t];
            if (paper.breaksPairs[f]) {
                previous = false;
                continue;
            }
            long h = paper.featureHash[f];
            int at = paper.wordEntry[f];
            pending[n] = at;
            n += at >= 0 ? 1 : 0;
            if (title) {
                at = paper.titleEntry[f];
                pending[n] = at;
                n += at >= 0 ? 1 : 0;
            }
            if (previous) {
                at = entry(ArxivFeatures.pairKey(previousHash, h));
                pending[n] = at;
                n += at >= 0 ? 1 : 0;
            }
            previous = true;
            previousHash = h;
        }
        s.pending = n;
    }

    /** The scores of one paper: per-category sums and the paper's features, to explain them. */
    public static final class Scores implements ArxivFeatures.Sink {
        private final ArxivModel model;
        private final ArxivFeatures.Scanner scanner = new ArxivFeatures.Scanner();
        /** Per output, the sum of the paper's weights (fixed-point), then (finish) the biased sums as doubles. */
        private final int[] sum;

        private final double[] z;
        private final double[] probability;
        private final double[] primaryProbability;
        private final int n;
        /**
         * Per feature of the model, the number of the last paper it was seen in: a feature is counted once per paper
         * (a few tens of KB, and no emptying between papers).
         */
        private final int[] seenIn;

        private int paper;

        private int[] present = new int[256];
        private int presentCount;
        /** The entries of one paper's feature occurrences, in order, before their weights are added. */
        private int[] pendingEntries = new int[1024];

        private int pending;
        /**
         * The paper's weights by output, to explain a tag without reading the model again: per output a list (its
         * last entry in {@code head}, each entry's predecessor in {@code next}) of entries, each the index in
         * {@code present} of its feature and the weight.
         */
        private final int[] head;

        private int[] next = new int[2048];
        private int[] entryPresent = new int[2048];
        private int[] entryWeight = new int[2048];
        private int entries;
        /** Per present feature, its summed weight for the category being explained (zero between calls). */
        private int[] explained = new int[256];

        private Scores(ArxivModel model) {
            this.model = model;
            this.n = model.categories.length;
            this.sum = new int[2 * n + 1];
            this.z = new double[2 * n + 1];
            this.probability = new double[n];
            this.primaryProbability = new double[n];
            this.head = new int[2 * n + 1];
            this.seenIn = new int[model.text.length];
        }

        private void reset() {
            Arrays.fill(sum, 0);
            Arrays.fill(head, -1);
            if (paper == Integer.MAX_VALUE) {
                Arrays.fill(seenIn, 0);
                paper = 0;
            }
            paper++;
            presentCount = 0;
            entries = 0;
        }

        @Override
        public void feature(long key, char kind, char[] first, int firstLen, char[] second, int secondLen) {
            present(model.entry(key));
        }

        /** Counts the feature whose entry is at {@code at} in the model's packed weights (-1: not a feature). */
        void present(int at) {
            if (at < 0) {
                return; // not a feature of the model
            }
            int[] packed = model.packed;
            int header = packed[at];
            int f = header & ((1 << ID_BITS) - 1);
            if (seenIn[f] == paper) {
                return; // counted already: features are present or not
            }
            seenIn[f] = paper;
            if (presentCount == present.length) {
                present = Arrays.copyOf(present, presentCount * 2);
                explained = Arrays.copyOf(explained, presentCount * 2);
            }
            int p = presentCount++;
            present[p] = f;
            int from = at + 1;
            int end = from + (header >>> ID_BITS);
            if (entries + (end - from) > next.length) {
                int size = Math.max(next.length * 2, entries + (end - from));
                next = Arrays.copyOf(next, size);
                entryPresent = Arrays.copyOf(entryPresent, size);
                entryWeight = Arrays.copyOf(entryWeight, size);
            }
            for (int k = from; k < end; k++) {
                int v = packed[k];
                int o = v >>> 24;
                int w = v << 8 >> 8;
                sum[o] += w;
                int e = entries++;
                entryPresent[e] = p;
                entryWeight[e] = w;
                next[e] = head[o];
                head[o] = e;
            }
        }

        /** The probabilities from the sums: each category's sigmoid and the softmax of the primary head. */
        private void finish() {
            double scale = 1.0 / SCALE;
            for (int c = 0; c < n; c++) {
                z[c] = model.bias[c] + sum[c] * scale;
                probability[c] = 1 / (1 + Math.exp(-z[c]));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int o = n; o <= 2 * n; o++) {
                z[o] = model.primaryBias[o - n] + sum[o] * scale;
                max = Math.max(max, z[o]);
            }
            double total = 0;
            for (int o = n; o <= 2 * n; o++) {
                total += Math.exp(z[o] - max);
            }
            for (int c = 0; c < n; c++) {
                primaryProbability[c] = Math.exp(z[n + c] - max) / total;
            }
        }

        /** How many of the model's features the paper has. */
        public int features() {
            return presentCount;
        }

        /** P(the paper carries category c). */
        public double probability(int c) {
            return probability[c];
        }

        /** P(the paper's primary category is c), of the softmax over the categories and "none of them". */
        public double primaryProbability(int c) {
            return primaryProbability[c];
        }

        /**
         * The paper's features that raised category {@code c} most (the sum of their weights for carrying it and for
         * it being the primary), strongest first (at most {@code max}; a word also in the title is listed once).
         */
        public List<String> matched(int c, int max) {
            // the paper's weights for the category's two outputs, summed per feature
            for (int e = head[c]; e >= 0; e = next[e]) {
                explained[entryPresent[e]] += entryWeight[e];
            }
            for (int e = head[n + c]; e >= 0; e = next[e]) {
                explained[entryPresent[e]] += entryWeight[e];
            }
            // keep the best `max` (weight, feature) in a small sorted array: no sort of all the paper's features
            int[] bestWeight = new int[max];
            int[] bestFeature = new int[max];
            int count = 0;
            for (int i = 0; i < presentCount; i++) {
                int sum = explained[i];
                if (sum == 0) {
                    continue;
                }
                explained[i] = 0;
                int f = present[i];
                if (sum < 0
                        || (count == max
                                && (sum < bestWeight[max - 1]
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
                while (at > 0 && (bestWeight[at - 1] < sum || (bestWeight[at - 1] == sum && bestFeature[at - 1] > f))) {
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
        for (int at = 0; at < packed.length; at += 1 + (packed[at] >>> ID_BITS)) {
            for (int k = at + 1; k <= at + (packed[at] >>> ID_BITS); k++) {
                int c = packed[k] >>> 24;
                out.merge(c < categories.length ? categories[c] : "primary:" + c, 1, Integer::sum);
            }
        }
        return out;
    }
}
