package org.dailypapers.foryou;

import java.util.Locale;

/**
 * The for-you ranking's settings, chosen on the evaluation's validation split (docs/EVAL.md).
 *
 * @param classifier the per-person classifier over embeddings
 * @param negatives how many background papers (newest first) the classifier sees as negatives
 * @param embeddingWeight the embedding's scale beside the unit-length tf-idf of the terms (0: terms only)
 * @param authorMinDf the fewest papers an author must have to be a term of the {@link Vocabulary}
 * @param followWeight what a followed author, organization or category adds to the standardised relevance
 * @param blend 0 = only the person's relevance, 1 = only the community's signal; a person's own setting
 *     replaces it
 */
public record RankerParams(ClassifierParams classifier, int negatives, double embeddingWeight, int authorMinDf,
                           double followWeight, double blend) {

    /** The product's defaults: the evaluation's choice on validation (docs/EVAL.md, "Recommendation"). */
    public static final RankerParams DEFAULT = new RankerParams(new ClassifierParams("logreg", 10), 20_000, 0, 2, 1, 0.2);

    public RankerParams {
        if (negatives < 1) throw new IllegalArgumentException("negatives must be >= 1, not " + negatives);
        if (!(blend >= 0 && blend <= 1)) throw new IllegalArgumentException("blend must be in [0, 1], not " + blend);
    }

    public RankerParams withBlend(double b) {
        return new RankerParams(classifier, negatives, embeddingWeight, authorMinDf, followWeight, b);
    }

    public RankerParams withFollowWeight(double w) {
        return new RankerParams(classifier, negatives, embeddingWeight, authorMinDf, w, blend);
    }

    public String tag() {
        return String.format(Locale.ROOT, "for-you(%s,negatives=%d,embedding=%s,authorMinDf=%d,follow=%s,blend=%s)",
                classifier.tag(), negatives, embeddingWeight, authorMinDf, followWeight, blend);
    }
}
