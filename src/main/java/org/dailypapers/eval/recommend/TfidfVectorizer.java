package org.dailypapers.eval.recommend;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.foryou.PaperTerms;

/**
 * The tf-idf features arxiv-sanity-lite computes ({@code compute.py}), as scikit-learn's {@code TfidfVectorizer}
 * does them with its settings: words as {@link PaperTerms#words} (unigrams and bigrams), terms in at least {@code minDf} documents and
 * at most {@code maxDf} of them, the {@code maxFeatures} most frequent of those, sublinear tf ({@code 1 + ln
 * tf}), smooth idf ({@code ln((1 + n) / (1 + df)) + 1}), rows scaled to unit length.
 */
public final class TfidfVectorizer {

    /** arxiv-sanity-lite's defaults: {@code -n 20000 --min_df 5 --max_df 0.1}. */
    public static final int MAX_FEATURES = 20_000, MIN_DF = 5;
    public static final double MAX_DF = 0.1;

    private final List<Feature[]> rows;
    private final int dimension;

    private TfidfVectorizer(List<Feature[]> rows, int dimension) {
        this.rows = rows;
        this.dimension = dimension;
    }

    /** Fits on {@code documents} and transforms them (row i is document i). */
    public static TfidfVectorizer fitTransform(List<String> documents, int maxFeatures, int minDf, double maxDf) {
        List<Map<String, Integer>> counts = new ArrayList<>(documents.size());
        Map<String, int[]> stats = new HashMap<>(); // term -> {document frequency, total count}
        for (String d : documents) {
            Map<String, Integer> c = new HashMap<>();
            for (String t : PaperTerms.words(d)) c.merge(t, 1, Integer::sum);
            counts.add(c);
            c.forEach((t, k) -> {
                int[] s = stats.computeIfAbsent(t, x -> new int[2]);
                s[0]++;
                s[1] += k;
            });
        }
        int n = documents.size();
        double maxCount = maxDf * n;
        List<String> kept = new ArrayList<>();
        stats.forEach((t, s) -> {
            if (s[0] >= minDf && s[0] <= maxCount) kept.add(t);
        });
        kept.sort(Comparator.<String>comparingInt(t -> -stats.get(t)[1]).thenComparing(Comparator.naturalOrder()));
        List<String> vocabulary = new ArrayList<>(kept.subList(0, Math.min(maxFeatures, kept.size())));
        vocabulary.sort(Comparator.naturalOrder()); // scikit-learn numbers features in term order
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[vocabulary.size()];
        for (int j = 0; j < vocabulary.size(); j++) {
            index.put(vocabulary.get(j), j);
            idf[j] = Math.log((1.0 + n) / (1.0 + stats.get(vocabulary.get(j))[0])) + 1;
        }
        List<Feature[]> rows = new ArrayList<>(n);
        for (Map<String, Integer> c : counts) {
            List<FeatureNode> row = new ArrayList<>();
            double norm = 0;
            for (var e : c.entrySet()) {
                Integer j = index.get(e.getKey());
                if (j == null) continue;
                double w = (1 + Math.log(e.getValue())) * idf[j];
                row.add(new FeatureNode(j + 1, w));
                norm += w * w;
            }
            double length = Math.sqrt(norm);
            row.sort(Comparator.comparingInt(FeatureNode::getIndex));
            for (FeatureNode f : row) f.setValue(length == 0 ? 0 : f.getValue() / length);
            rows.add(row.toArray(Feature[]::new));
        }
        return new TfidfVectorizer(rows, vocabulary.size());
    }

    public Feature[] row(int i) {
        return rows.get(i);
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public String toString() {
        return "tfidf(features=" + dimension + ")";
    }
}
