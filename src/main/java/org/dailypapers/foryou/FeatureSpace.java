package org.dailypapers.foryou;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The features of one person's classifier: the paper's embedding (scaled by {@code embeddingWeight}) followed by
 * its tf-idf over a shared {@link Vocabulary}, weighed as arxiv-sanity-lite does (sublinear tf, unit length).
 */
public final class FeatureSpace {

    private final int dimension;
    private final double embeddingWeight;
    private final Vocabulary vocabulary;

    public FeatureSpace(Vocabulary vocabulary, int dimension, double embeddingWeight) {
        this.dimension = dimension;
        this.embeddingWeight = embeddingWeight;
        this.vocabulary = vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Feature count: the embedding's then the terms'. */
    public int size() {
        return dimension + vocabulary.size();
    }

    /** A paper's sparse row (1-based indices, ascending); a missing embedding is left out. */
    public Feature[] features(Doc doc) {
        List<FeatureNode> row = new ArrayList<>();
        if (doc.vector() != null && embeddingWeight > 0) {
            for (int j = 0; j < dimension; j++) row.add(new FeatureNode(j + 1, embeddingWeight * doc.vector()[j]));
        }
        TermRow terms = doc.row(vocabulary);
        for (int k = 0; k < terms.columns().length; k++) {
            row.add(new FeatureNode(dimension + terms.columns()[k] + 1, terms.weights()[k]));
        }
        return row.toArray(Feature[]::new);
    }

    /**
     * {@code classifier}'s score of a paper, as {@code classifier.score(features(doc))} but without building the
     * row: ranking a month scores every paper of it, and the allocation was most of the cost.
     */
    double score(LinearClassifier classifier, Doc doc) {
        double s = classifier.bias();
        if (doc.vector() != null && embeddingWeight > 0) {
            for (int j = 0; j < dimension; j++) s += classifier.weight(j) * embeddingWeight * doc.vector()[j];
        }
        TermRow terms = doc.row(vocabulary);
        for (int k = 0; k < terms.columns().length; k++) {
            s += classifier.weight(dimension + terms.columns()[k]) * terms.weights()[k];
        }
        return s;
    }
}
