import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.enrich.domain.tags.ArxivFeatures;
import io.paperstream.enrich.domain.tags.ArxivModel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the tagger's learned area model: one logistic regression per arXiv category over {@link ArxivFeatures}
 * (the very feature extractor the service uses), fitted with AdaGrad and L2, then per-category thresholds chosen on
 * a validation split, then measured on the held-out split through the runtime {@link ArxivModel}.
 *
 * <p>usage: java -cp CLASSPATH TrainTagModel.java DATA_DIR MODEL_OUT VERSION HELDOUT_SAMPLE_OUT CATEGORY...
 * (DATA_DIR holds train.jsonl and heldout.jsonl from extract-data.py). Deterministic: same data, same model.
 */
public class TrainTagModel {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int EPOCHS = Integer.getInteger("tags.epochs", 2);
    static final double RATE = Double.parseDouble(System.getProperty("tags.rate", "0.1"));
    /** L2 penalty applied at each occurrence of a feature. */
    static final double L2 = Double.parseDouble(System.getProperty("tags.l2", "1e-3"));
    /** Weights smaller than this are left out of the model file. */
    static final double PRUNE = Double.parseDouble(System.getProperty("tags.prune", "0.1"));
    /** Features in fewer fitting papers than this are left out. */
    static final int MIN_PAPERS = Integer.getInteger("tags.minPapers", 5);
    /** The feature kinds used (see ArxivFeatures: w words, p pairs, t title words). */
    static final String KINDS = System.getProperty("tags.kinds", "wpt");
    /** Validation precision each category's "carries it" threshold must reach. */
    static final double TARGET_PRECISION = Double.parseDouble(System.getProperty("tags.precision", "0.9"));
    /**
     * A category carried by more than this share of the training papers is given only from the primary head: the
     * source was gathered mostly from cs.CL, cs.AI, cs.LG and audio listings, so its "carries it" head learned the
     * source's share (cs.CL: 72 %) rather than the paper, and gives it to any paper, however confident it is.
     */
    static final double MAX_SHARE = Double.parseDouble(System.getProperty("tags.maxShare", "0.3"));
    /** Papers with fewer of the model's features get no tag (their probabilities would be the source's priors). */
    static final int EVIDENCE = 8;
    /** A threshold no probability reaches. */
    static final double NEVER = 1.0;
    /** The share of papers a category is assumed to have when its threshold is chosen (see threshold()). */
    static final double BASE_RATE = Double.parseDouble(System.getProperty("tags.baseRate", "0.15"));
    /** Validation precision of all tags that the floor and the second-primary share must keep. */
    static final double TARGET_OVERALL = Double.parseDouble(System.getProperty("tags.overall", "0.80"));
    static final int HELDOUT_SAMPLE = 800;
    /**
     * The lowest floor the decision rule may use: below it, a paper outside all 27 areas (physics, cooking) still
     * gets its most probable area, whatever its words.
     */
    static final double MIN_FLOOR = Double.parseDouble(System.getProperty("tags.minFloor", "0.35"));
    /** Size of the realistic-mix held-out sample shipped for the regression test (fewer when a category runs out). */
    static final int DIGEST_SAMPLE = 700;
    /** Keep at most this many weights per output (the largest in magnitude): a smaller, faster model. */
    static final int TOP_K = Integer.getInteger("tags.topK", 3000);
    /**
     * "digest" (default): fit and choose thresholds as if the papers came in the primary-category mix of a daily
     * AI/ML digest ({@link #DIGEST_MIX}), by weighting each paper; "source": as the source's papers come.
     */
    static final String MIX = System.getProperty("tags.mix", "digest");
    /** A training paper's weight is kept within these bounds (a category of few papers does not dominate). */
    static final double MAX_WEIGHT = Double.parseDouble(System.getProperty("tags.maxWeight", "5"));
    static final double MIN_WEIGHT = 0.05;
    /**
     * The share of each primary category in a day of a digest of AI/ML papers (cs.CV, cs.CL, cs.LG, cs.AI, cs.RO,
     * cs.IR…, little audio); the rest, {@link #OTHER_SHARE}, goes to all other primaries in their source proportions.
     * An assumption from arXiv's daily listings and the figure that about 23 % of such papers carry cs.LG.
     */
    static final Map<String, Double> DIGEST_MIX = Map.ofEntries(Map.entry("cs.CV", 0.35), Map.entry("cs.CL", 0.25),
            Map.entry("cs.LG", 0.10), Map.entry("cs.AI", 0.07), Map.entry("cs.RO", 0.05), Map.entry("cs.IR", 0.03),
            Map.entry("cs.GR", 0.02), Map.entry("cs.CR", 0.02), Map.entry("cs.HC", 0.02), Map.entry("eess.IV", 0.02),
            Map.entry("cs.SE", 0.01), Map.entry("stat.ML", 0.01), Map.entry("cs.SD", 0.01), Map.entry("eess.AS", 0.01));
    static final double OTHER_SHARE = 0.03;
    /**
     * Cross-lists the source's selection makes common: it was gathered from the cs.CL and audio listings, so 87 % of
     * its cs.CV papers (and of its cs.LG, cs.AI, cs.RO… papers) carry cs.CL, far more than a day of arXiv. The
     * reports add the precision counting a tag for one of these categories right only when it is the paper's
     * primary (a lower bound); with tags.tuneTrusted the thresholds and decision rule are chosen on that too (then no
     * rule reaches precision 0.80: the most probable primary alone is right for about 0.64 of the papers).
     */
    static final boolean TUNE_TRUSTED = Boolean.getBoolean("tags.tuneTrusted");
    static final List<String> DISTRUSTED = List.of(System.getProperty("tags.distrust", "cs.CL,cs.SD,eess.AS")
            .split(","));
    /** Categories arXiv lists under two names: labels are read as the name the taxonomy uses. */
    static final Map<String, String> ALIASES = Map.of("cs.SY", "eess.SY", "math.IT", "cs.IT", "math.ST", "stat.TH");

    static Map<String, Integer> CONFUSION = Boolean.getBoolean("tags.confusion") ? new HashMap<>() : null;

    record Paper(String id, String title, String abstractText, List<String> categories) {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path modelOut = Path.of(args[1]);
        String version = args[2];
        Path sampleOut = Path.of(args[3]);
        String[] cats = Arrays.copyOfRange(args, 4, args.length);
        List<Paper> train = read(data.resolve("train.jsonl"));
        List<Paper> heldout = read(data.resolve("heldout.jsonl"));
        List<Paper> fit = new ArrayList<>();
        List<Paper> validation = new ArrayList<>();
        for (Paper p : train) {
            (Math.floorMod(p.id().hashCode() * 31 + 7, 10) == 0 ? validation : fit).add(p);
        }
        System.out.printf("papers: fit %d, validation %d, held out %d%n", fit.size(), validation.size(),
                heldout.size());

        // vocabulary: features in at least MIN_PAPERS fitting papers
        Map<Long, String> text = new HashMap<>();
        Map<Long, Character> kind = new HashMap<>();
        Map<Long, Integer> df = new HashMap<>();
        List<long[]> fitKeys = new ArrayList<>();
        for (Paper p : fit) {
            long[] keys = features(p, text, kind);
            for (long k : keys) {
                df.merge(k, 1, Integer::sum);
            }
            fitKeys.add(keys);
        }
        Map<Long, Integer> vocab = new HashMap<>();
        List<Long> vocabKeys = new ArrayList<>();
        df.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_PAPERS && KINDS.indexOf(kind.get(e.getKey())) >= 0)
                .map(Map.Entry::getKey).sorted().forEach(k -> {
                    vocab.put(k, vocabKeys.size());
                    vocabKeys.add(k);
                });
        int nf = vocabKeys.size();
        int nc = cats.length;
        System.out.printf("features: %d of %d seen%n", nf, df.size());
        int[][] x = new int[fit.size()][];
        boolean[][] y = new boolean[fit.size()][];
        for (int i = 0; i < fit.size(); i++) {
            x[i] = Arrays.stream(fitKeys.get(i)).filter(vocab::containsKey).mapToInt(k -> vocab.get(k)).toArray();
            y[i] = labels(fit.get(i), cats);
        }

        // two heads over the same features, fitted together by SGD with a decaying rate and L2:
        //   outputs 0..nc-1: "carries category c", one logistic regression each;
        //   outputs nc..2nc: "primary category is c" (or none of them, output 2nc), one softmax.
        int no = 2 * nc + 1;
        int[] primaryOf = new int[fit.size()];
        for (int i = 0; i < fit.size(); i++) {
            int pc = Arrays.asList(cats).indexOf(primary(fit.get(i)));
            primaryOf[i] = pc < 0 ? nc : pc;
        }
        double[] share = new double[nc];
        double[] shareWeight = mixWeights(fit, 0, Double.MAX_VALUE);
        double weightSum = Arrays.stream(shareWeight).sum();
        for (int c = 0; c < nc; c++) {
            double carried = 0;
            for (int i = 0; i < y.length; i++) {
                carried += y[i][c] ? shareWeight[i] : 0;
            }
            share[c] = carried / weightSum;
        }
        double[] w = new double[nf * no];
        double[] b = new double[no];
        for (int c = 0; c < nc; c++) {
            int pos = 0;
            int prim = 0;
            for (int i = 0; i < y.length; i++) {
                pos += y[i][c] ? 1 : 0;
                prim += primaryOf[i] == c ? 1 : 0;
            }
            double prior = (pos + 1.0) / (y.length + 2.0);
            b[c] = Math.log(prior / (1 - prior));
            b[nc + c] = Math.log((prim + 1.0) / y.length);
            System.out.printf(Locale.ROOT, "  %-8s %6d papers carry it, %6d as primary; in the %s mix %.3f carry it%n",
                    cats[c], pos, prim, MIX, share[c]);
        }
        b[2 * nc] = Math.log((Arrays.stream(primaryOf).filter(v -> v == nc).count() + 1.0) / y.length);
        double[] sampleWeight = mixWeights(fit, MIN_WEIGHT, MAX_WEIGHT);
        Random random = new Random(20261206);
        int[] order = new int[x.length];
        Arrays.setAll(order, i -> i);
        double[] z = new double[no];
        double[] g = new double[no];
        long step = 0;
        long steps = (long) EPOCHS * x.length;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double loss = 0;
            double primaryLoss = 0;
            for (int i : order) {
                double rate = RATE * (1 - 0.9 * step++ / (double) steps);
                System.arraycopy(b, 0, z, 0, no);
                for (int f : x[i]) {
                    int base = f * no;
                    for (int o = 0; o < no; o++) {
                        z[o] += w[base + o];
                    }
                }
                for (int c = 0; c < nc; c++) {
                    double p = 1 / (1 + Math.exp(-z[c]));
                    g[c] = p - (y[i][c] ? 1 : 0);
                    loss -= y[i][c] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int o = nc; o < no; o++) {
                    max = Math.max(max, z[o]);
                }
                double sum = 0;
                for (int o = nc; o < no; o++) {
                    sum += Math.exp(z[o] - max);
                }
                for (int o = nc; o < no; o++) {
                    double p = Math.exp(z[o] - max) / sum;
                    boolean gold = o - nc == primaryOf[i];
                    g[o] = p - (gold ? 1 : 0);
                    if (gold) {
                        primaryLoss -= Math.log(p + 1e-12);
                    }
                }
                for (int o = 0; o < no; o++) {
                    g[o] *= sampleWeight[i];
                    b[o] -= rate * g[o];
                }
                for (int f : x[i]) {
                    int base = f * no;
                    for (int o = 0; o < no; o++) {
                        w[base + o] -= rate * (g[o] + L2 * w[base + o]);
                    }
                }
            }
            System.out.printf("epoch %d: log loss per paper %.4f (categories), %.4f (primary)%n", epoch + 1,
                    loss / x.length, primaryLoss / x.length);
        }

        // write the model with placeholder thresholds, load it with the runtime class, then choose thresholds
        double[] thresholds = new double[nc];
        Arrays.fill(thresholds, 0.5);
        write(modelOut, version, cats, b, thresholds, new double[] {0.5, 2.0}, w, vocabKeys, text, kind);
        ArxivModel model = ArxivModel.fromFile(modelOut);
        double[][] pv = probabilities(model, validation, cats, false);
        double[][] qv = probabilities(model, validation, cats, true);
        boolean[][] yv = validation.stream().map(p -> TUNE_TRUSTED ? trustedLabels(p, cats) : labels(p, cats))
                .toArray(boolean[][]::new);
        double[] vw = mixWeights(validation, 0, Double.MAX_VALUE);
        for (int c = 0; c < nc; c++) {
            thresholds[c] = share[c] > MAX_SHARE ? NEVER : threshold(pv, yv, vw, c);
        }
        double[] floorAndSecond = floorAndSecond(pv, qv, yv, vw, validation, cats, thresholds);
        write(modelOut, version, cats, b, thresholds, floorAndSecond, w, vocabKeys, text, kind);
        model = ArxivModel.fromFile(modelOut);
        System.out.printf("%nvalidation (%d papers), weighted to the digest mix:%n", validation.size());
        report(model, validation, mixWeightsForReport(validation), cats, System.out);
        System.out.printf("%nheld out (%d papers, never seen in training or threshold choice), weighted to the digest"
                + " mix:%n", heldout.size());
        report(model, heldout, mixWeightsForReport(heldout), cats, System.out);
        System.out.printf("%nheld out, as the source's papers come (the old measure):%n");
        report(model, heldout, null, cats, System.out);
        List<Paper> digest = digestSample(heldout, DIGEST_SAMPLE);
        writeSample(sampleOut.resolveSibling("heldout-digest-mix.jsonl"), digest);
        System.out.printf("%nrealistic-mix held-out sample shipped for the regression test (%d papers):%n",
                digest.size());
        report(model, digest, null, cats, System.out);

        // a fixed sample of the held-out papers ships as a test resource (the regression test reads it)
        List<Paper> sample = new ArrayList<>(heldout);
        sample.sort((p, q) -> Integer.compare(Integer.reverse(p.id().hashCode()), Integer.reverse(q.id().hashCode())));
        sample = new ArrayList<>(sample.subList(0, Math.min(HELDOUT_SAMPLE, sample.size())));
        sample.sort((p, q) -> p.id().compareTo(q.id()));
        writeSample(sampleOut, sample);
        if (CONFUSION != null) {
            CONFUSION.entrySet().stream().sorted((a, c) -> c.getValue() - a.getValue()).limit(25)
                    .forEach(e -> System.out.println("  confused " + e.getKey() + ": " + e.getValue()));
            CONFUSION = null;
        }
        System.out.printf("%nheld-out sample shipped for the regression test (%d papers):%n", sample.size());
        report(model, sample, null, cats, System.out);
    }

    /**
     * Each paper's weight so that the set's primary categories come in the digest mix (all 1 with tags.mix=source):
     * the target share of its primary over that primary's share of {@code papers}, bounded by {@code min}/{@code max}.
     */
    static double[] mixWeights(List<Paper> papers, double min, double max) {
        double[] out = new double[papers.size()];
        if (!MIX.equals("digest")) {
            Arrays.fill(out, 1);
            return out;
        }
        Map<String, Integer> count = new HashMap<>();
        int other = 0;
        for (Paper p : papers) {
            count.merge(primary(p), 1, Integer::sum);
            other += DIGEST_MIX.containsKey(primary(p)) ? 0 : 1;
        }
        for (int i = 0; i < out.length; i++) {
            String c = primary(papers.get(i));
            double source = count.get(c) / (double) papers.size();
            double target = DIGEST_MIX.containsKey(c) ? DIGEST_MIX.get(c)
                    : OTHER_SHARE * count.get(c) / Math.max(1, other);
            out[i] = Math.max(min, Math.min(max, target / source));
        }
        return out;
    }

    /**
     * A sample of {@code papers} in the digest mix: of each primary category its share of {@code size} papers (all it
     * has when fewer), chosen by a hash of the id; sorted by id.
     */
    static List<Paper> digestSample(List<Paper> papers, int size) {
        Map<String, List<Paper>> byPrimary = new java.util.TreeMap<>();
        int other = 0;
        for (Paper p : papers) {
            byPrimary.computeIfAbsent(primary(p), k -> new ArrayList<>()).add(p);
            other += DIGEST_MIX.containsKey(primary(p)) ? 0 : 1;
        }
        List<Paper> out = new ArrayList<>();
        for (Map.Entry<String, List<Paper>> e : byPrimary.entrySet()) {
            List<Paper> list = e.getValue();
            list.sort((p, q) -> Integer.compare(Integer.reverse(p.id().hashCode()), Integer.reverse(q.id().hashCode())));
            double share = DIGEST_MIX.containsKey(e.getKey()) ? DIGEST_MIX.get(e.getKey())
                    : OTHER_SHARE * list.size() / Math.max(1, other);
            out.addAll(list.subList(0, Math.min(list.size(), (int) Math.round(share * size))));
        }
        out.sort((p, q) -> p.id().compareTo(q.id()));
        return out;
    }

    static void writeSample(Path file, List<Paper> sample) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Paper p : sample) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("id", p.id());
                row.put("categories", p.categories());
                row.put("title", p.title());
                row.put("abstract", p.abstractText());
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
        }
    }

    static List<Paper> read(Path file) throws IOException {
        List<Paper> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            List<String> cats = new ArrayList<>();
            n.get("categories").forEach(c -> cats.add(c.asText()));
            out.add(new Paper(n.get("id").asText(), n.get("title").asText(), n.get("abstract").asText(), cats));
        }
        return out;
    }

    static long[] features(Paper p, Map<Long, String> text, Map<Long, Character> kind) {
        Set<Long> keys = new LinkedHashSet<>();
        ArxivFeatures.extract(p.title(), p.abstractText(), (key, k, first, firstLen, second, secondLen) -> {
            if (keys.add(key) && !text.containsKey(key)) {
                text.put(key, second == null ? new String(first, 0, firstLen)
                        : new String(first, 0, firstLen) + " " + new String(second, 0, secondLen));
                kind.put(key, k);
            }
        });
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    static boolean[] labels(Paper p, String[] cats) {
        boolean[] y = new boolean[cats.length];
        for (String raw : p.categories()) {
            String c = ALIASES.getOrDefault(raw, raw);
            for (int k = 0; k < cats.length; k++) {
                y[k] |= cats[k].equals(c);
            }
        }
        return y;
    }

    /** The labels without the {@link #DISTRUSTED} cross-lists (those categories only when they are the primary). */
    static boolean[] trustedLabels(Paper p, String[] cats) {
        boolean[] y = labels(p, cats);
        for (int c = 0; c < cats.length; c++) {
            y[c] &= !DISTRUSTED.contains(cats[c]) || cats[c].equals(primary(p));
        }
        return y;
    }

    static String primary(Paper p) {
        String c = p.categories().get(0);
        return ALIASES.getOrDefault(c, c);
    }

    /** P(carries c), or with {@code primary} P(primary is c), of each paper and category. */
    static double[][] probabilities(ArxivModel model, List<Paper> papers, String[] cats, boolean primary) {
        double[][] out = new double[papers.size()][cats.length];
        for (int i = 0; i < papers.size(); i++) {
            ArxivModel.Scores s = model.score(papers.get(i).title(), papers.get(i).abstractText());
            for (int c = 0; c < cats.length; c++) {
                int k = model.categoryIndex(cats[c]);
                out[i][c] = primary ? s.primaryProbability(k) : s.probability(k);
            }
        }
        return out;
    }

    /**
     * The lowest probability (0.3 to 0.95) at which the category's precision on the validation papers reaches the
     * target, computed as if the category were carried by BASE_RATE of the papers whatever its share of the training
     * source: the source was gathered mostly from cs.CL and audio listings, so their shares there (and the precision
     * a raw count would credit them with) are far above those of a day's arXiv papers.
     */
    static double threshold(double[][] p, boolean[][] y, double[] weight, int c) {
        double positives = 0;
        double all = 0;
        for (int i = 0; i < y.length; i++) {
            positives += y[i][c] ? weight[i] : 0;
            all += weight[i];
        }
        double negatives = all - positives;
        double base = MIX.equals("digest") ? positives / all : BASE_RATE;
        for (double t = 0.30; t < 0.951; t += 0.025) {
            double given = 0;
            double right = 0;
            int rightPapers = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i][c] >= t) {
                    given += weight[i];
                    right += y[i][c] ? weight[i] : 0;
                    rightPapers += y[i][c] ? 1 : 0;
                }
            }
            double tpr = right / Math.max(1e-12, positives);
            double fpr = (given - right) / Math.max(1e-12, negatives);
            double precision = base * tpr / Math.max(1e-12, base * tpr + (1 - base) * fpr);
            if (rightPapers >= 5 && precision >= TARGET_PRECISION) {
                return Math.round(t * 1000) / 1000.0;
            }
        }
        return 0.95;
    }

    /** Which categories the rule gives: carried from their threshold, the top primary from the floor, a close second. */
    static boolean[] given(double[] p, double[] q, double[] thresholds, double floor, double second) {
        int n = p.length;
        int top = 0;
        for (int c = 1; c < n; c++) {
            top = q[c] > q[top] ? c : top;
        }
        int next = top == 0 ? 1 : 0;
        for (int c = 0; c < n; c++) {
            next = c != top && q[c] > q[next] ? c : next;
        }
        boolean topGiven = q[top] >= floor;
        boolean[] out = new boolean[n];
        for (int c = 0; c < n; c++) {
            out[c] = p[c] >= thresholds[c] || (c == top && topGiven) || (c == next && topGiven && q[c] >= second * q[top]);
        }
        return out;
    }

    /**
     * The floor and second-primary share that find the most primary categories on the validation papers while
     * overall precision stays at the target: {floor, second}.
     */
    static double[] floorAndSecond(double[][] p, double[][] q, boolean[][] y, double[] weight, List<Paper> papers,
                                   String[] cats, double[] thresholds) {
        double[] best = {0.95, 2.0};
        double bestFound = -1;
        for (double floor = MIN_FLOOR; floor <= 0.951; floor += 0.05) {
            for (double second = 0.2; second <= 2.001; second += 0.05) {
                double given = 0;
                double right = 0;
                double found = 0;
                for (int i = 0; i < p.length; i++) {
                    boolean[] g = given(p[i], q[i], thresholds, floor, second);
                    int pc = Arrays.asList(cats).indexOf(primary(papers.get(i)));
                    for (int c = 0; c < cats.length; c++) {
                        if (g[c]) {
                            given += weight[i];
                            right += y[i][c] ? weight[i] : 0;
                            found += c == pc ? weight[i] : 0;
                        }
                    }
                }
                if (right >= TARGET_OVERALL * given && found > bestFound) {
                    bestFound = found;
                    best = new double[] {Math.round(floor * 1000) / 1000.0, Math.round(second * 1000) / 1000.0};
                }
            }
        }
        return best;
    }

    /** Category precision and primary-category recall, per category and overall, as the README table shows them. */
    static double[] mixWeightsForReport(List<Paper> papers) {
        return MIX.equals("digest") ? mixWeights(papers, 0, Double.MAX_VALUE) : null;
    }

    /**
     * With {@code weights} (null: all 1), each paper counts as its weight: the counts shown are the weighted ones,
     * rounded (a table of the set as if its papers came in the digest mix).
     */
    static void report(ArxivModel model, List<Paper> papers, double[] weights, String[] cats, PrintStream out) {
        int nc = cats.length;
        double[] given = new double[nc];
        double[] right = new double[nc];
        double[] primaries = new double[nc];
        double[] primaryFound = new double[nc];
        double givenAll = 0;
        double rightAll = 0;
        double primaryAll = 0;
        double primaryFoundAll = 0;
        double topIsPrimary = 0;
        double rightTrusted = 0;
        int index = 0;
        for (Paper paper : papers) {
            double wt = weights == null ? 1 : weights[index++];
            ArxivModel.Scores s = model.score(paper.title(), paper.abstractText());
            boolean[] y = labels(paper, cats);
            boolean[] trusted = trustedLabels(paper, cats);
            double[] p = new double[nc];
            double[] q = new double[nc];
            double[] thresholds = new double[nc];
            int top = 0;
            for (int c = 0; c < nc; c++) {
                p[c] = s.probability(model.categoryIndex(cats[c]));
                q[c] = s.primaryProbability(model.categoryIndex(cats[c]));
                thresholds[c] = model.threshold(model.categoryIndex(cats[c]));
                top = q[c] > q[top] ? c : top;
            }
            boolean[] g = s.features() < model.evidence() ? new boolean[nc]
                    : given(p, q, thresholds, model.floor(), model.second());
            String primary = primary(paper);
            int pc = Arrays.asList(cats).indexOf(primary);
            primaryAll += wt;
            if (pc >= 0) {
                primaries[pc] += wt;
            }
            topIsPrimary += top == pc ? wt : 0;
            if (top != pc && CONFUSION != null) {
                CONFUSION.merge(primary + " -> " + cats[top], 1, Integer::sum);
            }
            for (int c = 0; c < nc; c++) {
                if (g[c]) {
                    given[c] += wt;
                    givenAll += wt;
                    right[c] += y[c] ? wt : 0;
                    rightAll += y[c] ? wt : 0;
                    rightTrusted += trusted[c] ? wt : 0;
                    if (c == pc) {
                        primaryFound[c] += wt;
                        primaryFoundAll += wt;
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "most probable primary is the primary: %.3f; precision not counting %s cross-lists:"
                + " %s%n", topIsPrimary / primaryAll, String.join("/", DISTRUSTED), ratio(rightTrusted, givenAll));
        out.printf("| category | tags given | precision | papers with it as primary | primary recall |%n");
        out.printf("|---|---:|---:|---:|---:|%n");
        for (int c = 0; c < nc; c++) {
            out.printf(Locale.ROOT, "| %s | %.0f | %s | %.0f | %s |%n", cats[c], given[c], ratio(right[c], given[c]),
                    primaries[c], ratio(primaryFound[c], primaries[c]));
        }
        out.printf(Locale.ROOT, "| **all** | %.0f | **%s** | %.0f | **%s** |%n", givenAll, ratio(rightAll, givenAll),
                primaryAll, ratio(primaryFoundAll, primaryAll));
    }

    static String ratio(double a, double b) {
        return b < 0.5 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    static void write(Path file, String version, String[] cats, double[] b, double[] thresholds, double[] floorAndSecond,
                      double[] w, List<Long> vocabKeys, Map<Long, String> text, Map<Long, Character> kind)
            throws IOException {
        int nc = cats.length;
        int no = 2 * nc + 1;
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# paperstream learned arXiv-area model: logistic regression per category, trained by\n");
            out.write("# bench/tags/train.sh (data and figures: README.md beside this file). Do not edit by hand.\n");
            out.write("version\t" + version + "\n");
            out.write("categories\t" + String.join("\t", cats) + "\n");
            out.write("bias\t" + join(Arrays.copyOfRange(b, 0, nc)) + "\n");
            out.write("primaryBias\t" + join(Arrays.copyOfRange(b, nc, 2 * nc + 1)) + "\n");
            out.write("threshold\t" + join(thresholds) + "\n");
            out.write("floor\t" + floorAndSecond[0] + "\n");
            out.write("second\t" + floorAndSecond[1] + "\n");
            out.write("evidence\t" + EVIDENCE + "\n");
            // features sorted by kind then text, so the file diffs well between versions
            List<Long> keys = new ArrayList<>(vocabKeys);
            keys.sort((p, q) -> {
                int k = Character.compare(kind.get(p), kind.get(q));
                return k != 0 ? k : text.get(p).compareTo(text.get(q));
            });
            // per output, the magnitude of its TOP_K-th largest weight: smaller ones are left out
            double[] floorOf = new double[no];
            int nf = vocabKeys.size();
            for (int c = 0; c < no; c++) {
                double[] magnitudes = new double[nf];
                for (int f = 0; f < nf; f++) {
                    magnitudes[f] = -Math.abs(w[f * no + c]);
                }
                Arrays.sort(magnitudes);
                floorOf[c] = Math.max(PRUNE, TOP_K < nf ? -magnitudes[TOP_K - 1] : 0);
            }
            int kept = 0;
            int weights = 0;
            for (long key : keys) {
                int f = indexOf(vocabKeys, key);
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < no; c++) {
                    double v = w[f * no + c];
                    if (Math.abs(v) >= floorOf[c]) {
                        weights++;
                        line.append('\t').append(c).append(':').append(String.format(Locale.ROOT, "%.3f", v));
                    }
                }
                if (line.length() > 0) {
                    out.write(kind.get(key) + "\t" + text.get(key) + line + "\n");
                    kept++;
                }
            }
            System.out.printf("model written: %d features, %d weights (>= %.2f, at most %d per output)%n", kept, weights,
                    PRUNE, TOP_K);
        }
    }

    private static Map<Long, Integer> positions;

    static int indexOf(List<Long> keys, long key) {
        if (positions == null || positions.size() != keys.size()) {
            positions = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                positions.put(keys.get(i), i);
            }
        }
        return positions.get(key);
    }

    static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : "\t").append(String.format(Locale.ROOT, "%.4f", values[i]));
        }
        return s.toString();
    }
}
