package org.dailypapers.foryou;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of one person's classifier, fitted on their training papers: the embedding (scaled by
 * {@code embeddingWeight}) followed by tf-idf over {@link PaperTerms} as arxiv-sanity-lite weighs them
 * (sublinear tf, smooth idf, unit length; terms in at least {@code minDf} and at most {@code maxDf} of the
 * papers, the most frequent {@code maxFeatures}). Fitting on the training papers instead of the whole corpus
 * keeps training cheap and the vocabulary about this person's papers and their background.
 */
public final class FeatureSpace {
    public static final int MIN_DF = 2, MAX_FEATURES = 20_000;
    public static final double MAX_DF = 0.1;

    private final int dimension;
    private final double embeddingWeight;
    private final Map<String, Integer> index;
    private final double[] idf;

    private FeatureSpace(int dimension, double embeddingWeight, Map<String, Integer> index, double[] idf) {
        this.dimension = dimension;
        this.embeddingWeight = embeddingWeight;
        this.index = index;
        this.idf = idf;
    }

    public static FeatureSpace fit(List<Doc> docs, int dimension, double embeddingWeight) {
        Map<String, int[]> stats = new HashMap<>(); // term -> {document frequency, total count}
        for (Doc d : docs) {
            d.terms().forEach((t, k) -> {
                int[] s = stats.computeIfAbsent(t, x -> new int[2]);
                s[0]++;
                s[1] += k;
            });
        }
        int n = docs.size();
        double maxCount = Math.max(MIN_DF, MAX_DF * n);
        List<String> kept = new ArrayList<>();
        stats.forEach((t, s) -> {
            if (s[0] >= MIN_DF && s[0] <= maxCount) kept.add(t);
        });
        kept.sort(Comparator.<String>comparingInt(t -> -stats.get(t)[1]).thenComparing(Comparator.naturalOrder()));
        List<String> vocabulary = kept.subList(0, Math.min(MAX_FEATURES, kept.size()));
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[vocabulary.size()];
        for (int j = 0; j < vocabulary.size(); j++) {
            index.put(vocabulary.get(j), j);
            idf[j] = Math.log((1.0 + n) / (1.0 + stats.get(vocabulary.get(j))[0])) + 1;
        }
        return new FeatureSpace(dimension, embeddingWeight, index, idf);
    }

    /** Feature count: the embedding's then the terms'. */
    public int size() {
        return dimension + idf.length;
    }

    /** A paper's sparse row (1-based indices, ascending); a missing embedding is left out. */
    public Feature[] features(Doc doc) {
        List<FeatureNode> row = new ArrayList<>();
        if (doc.vector() != null && embeddingWeight > 0) {
            for (int j = 0; j < dimension; j++) row.add(new FeatureNode(j + 1, embeddingWeight * doc.vector()[j]));
        }
        List<FeatureNode> terms = new ArrayList<>();
        double norm = 0;
        for (var e : doc.terms().entrySet()) {
            Integer j = index.get(e.getKey());
            if (j == null) continue;
            double w = (1 + Math.log(e.getValue())) * idf[j];
            terms.add(new FeatureNode(dimension + j + 1, w));
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        terms.sort(Comparator.comparingInt(FeatureNode::getIndex));
        for (FeatureNode f : terms) {
            f.setValue(f.getValue() / length);
            row.add(f);
        }
        return row.toArray(Feature[]::new);
    }
}
