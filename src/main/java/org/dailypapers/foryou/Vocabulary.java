package org.dailypapers.foryou;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms the personal classifiers read and their idf, fitted once on a whole corpus (every paper a person could
 * be shown) as arxiv-sanity-lite fits its tf-idf: terms in at least {@code minDf} papers and at most {@code maxDf}
 * of them, the {@code maxFeatures} most frequent, smooth idf {@code ln((1 + n) / (1 + df)) + 1}. Author terms
 * ({@link FollowKeys#author}, full names) may keep a lower {@code authorMinDf}: a name in two papers says more
 * than a word in two. Shared by everyone's model, so a person's training does not refit it; immutable.
 */
public final class Vocabulary {
    /** arxiv-sanity-lite's {@code -n 20000 --min_df 5 --max_df 0.1}. */
    public static final int MIN_DF = 5, MAX_FEATURES = 20_000;
    public static final double MAX_DF = 0.1;

    private final Map<String, Integer> index;
    private final double[] idf;

    private Vocabulary(Map<String, Integer> index, double[] idf) {
        this.index = index;
        this.idf = idf;
    }

    /** Fits with arxiv-sanity-lite's bounds for words and {@code authorMinDf} for authors. */
    public static Vocabulary fit(Iterable<Map<String, Integer>> papers, int authorMinDf) {
        return fit(papers, MIN_DF, authorMinDf, MAX_DF, MAX_FEATURES);
    }

    /** Fits on {@code papers}, read once: an iterable that makes each bag as it goes need not hold them all. */
    public static Vocabulary fit(Iterable<Map<String, Integer>> papers, int minDf, int authorMinDf, double maxDf,
                                 int maxFeatures) {
        Map<String, int[]> stats = new HashMap<>(); // term -> {document frequency, total count}
        int n = 0;
        for (Map<String, Integer> terms : papers) {
            n++;
            terms.forEach((t, k) -> {
                int[] s = stats.computeIfAbsent(t, x -> new int[2]);
                s[0]++;
                s[1] += k;
            });
        }
        // a small corpus (a new instance, a test) keeps terms in up to 2 papers however small maxDf * n is
        double maxCount = Math.max(2, maxDf * n);
        List<String> kept = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        int leastWord = Math.min(minDf, Math.max(2, n / 10)), leastAuthor = Math.min(authorMinDf, Math.max(2, n / 10));
        stats.forEach((t, s) -> {
            boolean author = t.startsWith("a:");
            if (s[0] < (author ? leastAuthor : leastWord) || s[0] > maxCount) return;
            (author ? authors : kept).add(t);
        });
        kept.sort(Comparator.<String>comparingInt(t -> -stats.get(t)[1]).thenComparing(Comparator.naturalOrder()));
        // authors come on top of the words' cap: by count alone, words (bigrams above all) would crowd them out
        List<String> terms = new ArrayList<>(kept.subList(0, Math.min(maxFeatures, kept.size())));
        terms.addAll(authors);
        Map<String, Integer> index = HashMap.newHashMap(terms.size());
        double[] idf = new double[terms.size()];
        for (int j = 0; j < terms.size(); j++) {
            index.put(terms.get(j), j);
            idf[j] = Math.log((1.0 + n) / (1.0 + stats.get(terms.get(j))[0])) + 1;
        }
        return new Vocabulary(index, idf);
    }

    public int size() {
        return idf.length;
    }

    /** The term's column (0-based), or -1 when it is not in the vocabulary. */
    int column(String term) {
        Integer j = index.get(term);
        return j == null ? -1 : j;
    }

    double idf(int column) {
        return idf[column];
    }

    /** A paper's row: sublinear tf ({@code 1 + ln tf}) times idf, scaled to unit length; terms outside are left out. */
    public TermRow row(Map<String, Integer> terms) {
        int[] columns = new int[terms.size()];
        double[] w = new double[terms.size()];
        int k = 0;
        double norm = 0;
        for (var e : terms.entrySet()) {
            int j = column(e.getKey());
            if (j < 0) continue;
            columns[k] = j;
            w[k] = (1 + Math.log(e.getValue())) * idf[j];
            norm += w[k] * w[k];
            k++;
        }
        long[] order = new long[k]; // column in the high half, position in the low: one primitive sort
        for (int i = 0; i < k; i++) order[i] = ((long) columns[i] << 32) | i;
        java.util.Arrays.sort(order);
        int[] sortedColumns = new int[k];
        float[] weights = new float[k];
        double length = Math.sqrt(norm);
        for (int i = 0; i < k; i++) {
            sortedColumns[i] = (int) (order[i] >>> 32);
            weights[i] = (float) (w[(int) order[i]] / length);
        }
        return new TermRow(this, sortedColumns, weights);
    }
}
